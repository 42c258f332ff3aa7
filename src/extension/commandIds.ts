// Every command id of the extension, in one place. package.json must contribute exactly these
// (test/unit/manifest.test.ts and the integration suite check both directions).
export const Commands = {
  readAsPolicyText: 'policyLens.readAsPolicyText',
  showLog: 'policyLens.showLog',
  revealInDocument: 'policyLens.revealInDocument',
  refreshSessions: 'policyLens.refreshSessions',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const ViewIds = {
  container: 'policyLens',
  sessions: 'policyLens.sessions',
} as const;

export const LanguageId = 'policytext';
