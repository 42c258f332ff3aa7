// `npm start`: builds and packages the extension, sets up code-server once, installs the fresh .vsix
// and serves a real VS Code on localhost with a copy of the demo workspace (or the folder given as argument;
// `--fresh` replaces an earlier copy of the demo).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { prepareSamples } from './samples.mjs';
import { ensureCodeServer, freePort, installExtension, launchCodeServer, root, writeUserSettings } from './code-server.mjs';

const argFolder = process.argv.slice(2).find((a) => !a.startsWith('-'));
function npmRun(script) {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const folder = argFolder ? resolve(argFolder) : await prepareSamples({ fresh: process.argv.includes('--fresh') });
if (!existsSync(folder)) {
  console.error(`Folder not found: ${folder}`);
  process.exit(1);
}
npmRun('package');
const codeServer = await ensureCodeServer();
await installExtension(codeServer, 'start', join(root, 'dist', 'policy-lens.vsix'));
await writeUserSettings('start', { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never' });
const port = Number(process.env.PORT) || await freePort();
const { child, url } = await launchCodeServer(codeServer, { profileName: 'start', folder, port });
console.log(`\nPolicy Lens is running in VS Code at:\n\n    ${url}\n\nFolder: ${folder}\nPress Ctrl+C to stop.\n`);
const stop = () => { child.kill('SIGTERM'); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
