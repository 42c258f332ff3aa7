// The same integration suites in the desktop (Node) extension host, for machines that can download VS
// Code (@vscode/test-electron fetches it). Offline, use `npm run test:web`.
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { prepareWorkspace, root } from './workspace.mjs';

const folder = await prepareWorkspace('test-workspace-desktop');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/node'),
    launchArgs: [folder, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`desktop extension host: FAILED (${err instanceof Error ? err.message : err})`);
  process.exit(1);
}
