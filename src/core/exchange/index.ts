/** Exchange: export to and import from CSV, W3C Web Annotation, Markdown and REFI-QDA. */
export * from './types';
export { writeCsv, CSV_COLUMNS, type CsvOptions } from './csv';
export { writeMarkdown, type MarkdownOptions } from './markdown';
export { readW3c, writeW3c } from './w3c';
export { writeQdc, writeQdpx, type QdpxResult } from './refiWrite';
export { readQdc, readQdpx, readQde } from './refiRead';
export { describePlan, planImport, targetPaths, type AnnotationChange, type DocumentPlan, type ImportPlan, type ImportTarget, type LocalDocument } from './importPlan';
export { documentIri } from './iris';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
export { exportAs, exportDocument, importFormat, readImport, type ExportOutput, type ImportFormat } from './run';
