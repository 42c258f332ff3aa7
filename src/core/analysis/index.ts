/** Analysis: coded passages across a folder, queries over them and matrices of themes. */
export type { CodedPassage, PassageSpeaker } from './types';
export { codedPassages, passageSpeaker, type DocumentPassages } from './passages';
