// Shared by the web and Node runners: a compact reporter that prints each test and a final count line
// ("policy-lens integration: N passing, M failing") which the launch scripts parse, so that a run that
// silently ran nothing cannot pass.
export interface RunnerLike {
  on(event: 'pass' | 'fail' | 'end' | 'suite', listener: (...args: never[]) => void): unknown;
}

export function attachSummary(runner: RunnerLike, print: (line: string) => void): void {
  let passing = 0;
  let failing = 0;
  runner.on('pass', ((test: { fullTitle(): string; duration?: number }) => {
    passing++;
    print(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
  }) as never);
  runner.on('fail', ((test: { fullTitle(): string }, err: { message?: string; stack?: string }) => {
    failing++;
    print(`  ✗ ${test.fullTitle()}\n    ${err?.stack ?? err?.message ?? String(err)}`);
  }) as never);
  runner.on('end', (() => {
    print(`policy-lens integration: ${passing} passing, ${failing} failing`);
  }) as never);
}
