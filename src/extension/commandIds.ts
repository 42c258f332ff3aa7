// Every command id of the extension, in one place. package.json must contribute exactly these
// (test/unit/manifest.test.ts and the integration suite check both directions).
export const Commands = {
  readAsPolicyText: 'policyLens.readAsPolicyText',
  showLog: 'policyLens.showLog',
  revealInDocument: 'policyLens.revealInDocument',
  refreshSessions: 'policyLens.refreshSessions',
  tagSelection: 'policyLens.tagSelection',
  editNote: 'policyLens.editNote',
  removeAnnotation: 'policyLens.removeAnnotation',
  nextAnnotation: 'policyLens.nextAnnotation',
  previousAnnotation: 'policyLens.previousAnnotation',
  openSidecar: 'policyLens.openSidecar',
  reattachOrphan: 'policyLens.reattachOrphan',
  renameTheme: 'policyLens.renameTheme',
  recolorTheme: 'policyLens.recolorTheme',
  mergeTheme: 'policyLens.mergeTheme',
  deleteTheme: 'policyLens.deleteTheme',
  exportAnnotations: 'policyLens.exportAnnotations',
  importAnnotations: 'policyLens.importAnnotations',
  findPassages: 'policyLens.findPassages',
  editPassageFilters: 'policyLens.editPassageFilters',
  groupPassages: 'policyLens.groupPassages',
  openPassage: 'policyLens.openPassage',
  copyPassageMarkdown: 'policyLens.copyPassageMarkdown',
  copyPassagesMarkdown: 'policyLens.copyPassagesMarkdown',
  openMatrix: 'policyLens.openMatrix',
  tagAllMatches: 'policyLens.tagAllMatches',
  tagSpeakerTurns: 'policyLens.tagSpeakerTurns',
  undoAutoCode: 'policyLens.undoAutoCode',
  resolveConflict: 'policyLens.resolveConflict',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ViewIds = {
  container: 'policyLens',
  sessions: 'policyLens.sessions',
  themes: 'policyLens.themes',
  passages: 'policyLens.passages',
} as const;

export const LanguageId = 'policytext';

/** The walkthrough (contributes.walkthroughs) and the context key its "Hover a resolution" step waits for. */
export const WalkthroughIds = {
  walkthrough: 'policyLens.firstHour',
  hoveredReferenceContext: 'policyLens.walkthrough.hoveredReference',
} as const;
