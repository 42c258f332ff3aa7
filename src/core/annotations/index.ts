/** The annotation core: model, selectors, anchoring, live edits, sidecar and codebook files. */
export { codePointIndex, codePointLength, type CodePointIndex } from './codePoints';
export { textHash, sha256Hex, utf8Encode } from './sha256';
export { createTarget, CONTEXT_LENGTH, type TextTarget } from './selectors';
export { anchorAll, type AnchorCandidate, type AnchorOptions, type AnchorResult, type AnchorStatus, type Anchorable } from './anchor';
export { mapThroughEdits, type ContentChange, type MappedRange, type OffsetRange } from './liveEdits';
export { compareAnnotations, SIDECAR_VERSION, type Annotation, type Sidecar, type SourceError } from './model';
export { emptySidecar, parseSidecar, serializeSidecar, sidecarPathFor, type SidecarParse } from './sidecar';
export { TEXT_HASH_PATTERN } from './sidecarSchema';
export { CODEBOOK_PATH, CODEBOOK_VERSION, parseCodebook, type Codebook, type CodebookParse, type Theme } from './codebookSchema';
export {
  addTheme,
  changeThemeId,
  deleteTheme,
  describeTheme,
  emptyCodebook,
  mergeTheme,
  recolorTheme,
  renameTheme,
  serializeCodebook,
  setThemeParent,
  themeFor,
  unknownThemeIds,
  type CodebookEdit,
  type NewTheme,
  type ParsedCodebook,
} from './codebook';
export { mergeThemes, removeTheme, renameThemeId, themeUsage, type ThemeChange } from './themes';
export { newAnnotationId, slug, uniqueSlug } from './ids';
export { nextColor, PALETTE, UNCATEGORISED_COLOR } from './palette';
export { reanchorSidecar, type Reanchored } from './reanchor';
