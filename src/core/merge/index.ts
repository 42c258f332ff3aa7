/** Merging Policy Lens files by id, for git: sidecars by annotation, codebooks by theme. */
export { mergeCodebookTexts, type CodebookMerge } from './codebooks';
export { mergeSidecars, mergeSidecarTexts, resolveConflictedText, REVIEW_BOTH, REVIEW_DELETED, UNKNOWN_TEXT_HASH, type MergeOptions, type MergeReport, type MergeResult } from './sidecars';
