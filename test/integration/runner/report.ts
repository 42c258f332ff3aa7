// Shared by the web and Node runners: a compact reporter that prints each test and a final count line
// ("policy-lens integration: N passing, M failing, K skipped") which the launch scripts parse, so that a run
// that silently ran nothing cannot pass. A skipped test is printed with the reason its suite gave
// (suites/util.ts, skipSuite), which the launch scripts carry into the summary of `npm test`.
import { SKIP_REASON } from '../suites/util';

export interface RunnerLike {
  on(event: 'pass' | 'fail' | 'end' | 'suite' | 'pending', listener: (...args: never[]) => void): unknown;
}

interface Titled { fullTitle(): string; parent?: Titled }

function reasonOf(test: Titled): string {
  for (let n: Titled | undefined = test; n; n = n.parent) {
    const reason = (n as unknown as Record<string, unknown>)[SKIP_REASON];
    if (typeof reason === 'string') return reason;
  }
  return 'skipped in the test code without a reason';
}

export function attachSummary(runner: RunnerLike, print: (line: string) => void): void {
  let passing = 0;
  let failing = 0;
  let skipped = 0;
  runner.on('pass', ((test: { fullTitle(): string; duration?: number }) => {
    passing++;
    print(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
  }) as never);
  runner.on('fail', ((test: { fullTitle(): string }, err: { message?: string; stack?: string }) => {
    failing++;
    print(`  ✗ ${test.fullTitle()}\n    ${err?.stack ?? err?.message ?? String(err)}`);
  }) as never);
  runner.on('pending', ((test: Titled) => {
    skipped++;
    print(`  - ${test.fullTitle()} (skipped: ${reasonOf(test)})`);
  }) as never);
  runner.on('end', (() => {
    print(`policy-lens integration: ${passing} passing, ${failing} failing, ${skipped} skipped`);
  }) as never);
}
