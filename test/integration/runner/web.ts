// Entry point of the integration tests in the web worker extension host (@vscode/test-web).
import { attachSummary } from './report';

export function run(): Promise<void> {
  // mocha's browser build is UMD: required (not imported) so that esbuild wraps it and it cannot
  // replace this module's exports with its own. It leaves `mocha` on the worker's global scope.
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  return new Promise((resolve, reject) => {
    // attachSummary prints results; mocha's own reporters format with printf-style arguments that the
    // forwarded console does not expand.
    mocha.setup({ ui: 'bdd', reporter: class Silent {} as never, timeout: 30000, color: false });
    // Suites call describe() when loaded, so they may only be required after setup.
    require('../suites/index');
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      attachSummary(runner, (line) => console.log(line));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
