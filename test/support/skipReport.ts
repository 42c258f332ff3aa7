// A mocha root-hook plugin (.mocharc.json `require`): after the run it counts the skipped tests by the reason
// their test or suite was given (test/support/corpus.ts gives one), prints them and records them for the
// summary of `npm test`. A test skipped without a reason is listed too, so that no skip goes unexplained.
import { recordSkips, SKIP_REASON } from '../../scripts/skips.mjs';

type Node = Mocha.Suite | Mocha.Test;

export function reasonOf(node: Node | undefined): string | undefined {
  for (let n: Node | undefined = node; n; n = n.parent) {
    const reason = (n as unknown as Record<string, unknown>)[SKIP_REASON];
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** The outermost runnable that carries the reason: what a person reads in the summary. */
function labelOf(test: Mocha.Test): string {
  let labelled: Node = test;
  for (let n: Node | undefined = test; n; n = n.parent) {
    if (typeof (n as unknown as Record<string, unknown>)[SKIP_REASON] === 'string') labelled = n;
  }
  return labelled.fullTitle();
}

export function collectSkips(root: Mocha.Suite): Map<string, { tests: number; titles: Set<string> }> {
  const byReason = new Map<string, { tests: number; titles: Set<string> }>();
  const walk = (suite: Mocha.Suite): void => {
    for (const test of suite.tests) {
      if (!test.isPending()) continue;
      const reason = reasonOf(test) ?? 'skipped in the test code without a reason';
      const entry = byReason.get(reason) ?? { tests: 0, titles: new Set<string>() };
      entry.tests++;
      entry.titles.add(labelOf(test));
      byReason.set(reason, entry);
    }
    suite.suites.forEach(walk);
  };
  walk(root);
  return byReason;
}

export const mochaHooks = {
  afterAll(this: Mocha.Context): void {
    let root = this.test?.parent;
    while (root?.parent) root = root.parent;
    if (!root) return;
    for (const [reason, { tests, titles }] of collectSkips(root)) {
      // mocha's reporter lists each skipped test; this line says why.
      console.log(`\n  skipped ${tests} test${tests === 1 ? '' : 's'} in ${titles.size} place${titles.size === 1 ? '' : 's'}: ${reason}`);
      recordSkips({ step: 'unit + grammar tests (Node)', reason, tests, titles: [...titles] });
    }
  },
};
