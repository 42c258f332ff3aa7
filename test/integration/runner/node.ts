// Entry point of the integration tests in the desktop (Node) extension host (@vscode/test-electron).
import Mocha from 'mocha';
import { attachSummary } from './report';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: class Silent {} as never, timeout: 30000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  require('../suites/index');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    attachSummary(runner, (line) => console.log(line));
  });
}
