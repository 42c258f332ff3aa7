export type {
  TextRange, Section, Person, SpeakerTurn, SpeakerKind, ReferenceKind, Reference, FigureKind, Figure, DateKind, DateMention, PolicyDocument,
} from './types';
export { parsePolicyDocument } from './parse';
export { turnName } from './people';
export { looksLikePolicyText } from './looksLikePolicyText';
export { toAnalyzeJson } from './analyzeJson';
export type { AnalyzeJson } from './analyzeJson';
