/** Analysis: coded passages across a folder, queries over them, matrices of themes and auto-coding proposals. */
export type { CodedPassage, PassageSpeaker } from './types';
export { codedPassages, placedPassages, passageSpeaker, type DocumentPassages, type PlacedAnnotation } from './passages';
export { documentStructure, type DocumentStructure } from './structure';
export { WorkspaceIndex, indexThemes, type IndexTheme, type SidecarProblem } from './workspaceIndex';
export { parseThemeExpression, formatThemeExpression, positiveThemes, type ThemeExpr, type ThemeExprParse } from './themeExpression';
export { runQuery, groupPassages, speakerColumn, sectionColumn, speakerLabel, type PassageQuery, type Cooccurrence, type GroupBy, type PassageGroup } from './query';
export { passageTable, themesAround, type PassageTable } from './table';
export { globMatcher } from './glob';
export { buildMatrix, cellQuery, rowQuery, columnQuery, matrixCsv, type Matrix, type MatrixBy, type MatrixCount, type MatrixColumn, type MatrixOptions } from './matrix';
export { markdownQuotation, markdownQuotations } from './quotation';
export {
  matchProposals, turnProposals, sectionParagraphProposals, paragraphs, matcherFor, PatternError,
  type Proposal, type MatchMode, type MatchPattern, type TaggedRange,
} from './autocode';
