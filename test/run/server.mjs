// Runs the integration suites in code-server: the real VS Code with a Node extension host and the real
// file system, so that what the extension writes (sidecars) lands on disk, where this script checks it.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureCodeServer, freePort, launchCodeServer, writeUserSettings } from '../../scripts/code-server.mjs';
import { runSuitesInPage } from './automation.mjs';
import { prepareWorkspace, root } from './workspace.mjs';

const codeServer = await ensureCodeServer();
await rm(join(root, '.cache', 'profiles', 'server-tests'), { recursive: true, force: true });
await writeUserSettings('server-tests', {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
});
const folder = await prepareWorkspace('test-workspace-server');
const port = await freePort();
const server = await launchCodeServer(codeServer, {
  profileName: 'server-tests', folder, port, quiet: true,
  extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
});
// The workbench takes the extension under development and its tests from the URL payload, as remote
// URIs that the Node extension host (on this machine) resolves.
const remote = (path) => `vscode-remote://localhost:${port}${path}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(root)],
  ['extensionTestsPath', remote(join(root, 'dist/test/node/index.js'))],
  ['skipWelcome', 'true'],
]);
const url = `${server.url}&payload=${encodeURIComponent(payload)}`;
let exitCode = await runSuitesInPage(url, { label: 'code-server (Node extension host)' });
server.child.kill('SIGTERM');
const { checkDiskEffects } = await import('./diskEffects.mjs');
if (exitCode === 0) exitCode = await checkDiskEffects(folder);
process.exit(exitCode);
