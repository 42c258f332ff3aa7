// `npm run start:desktop`: the extension in a desktop VS Code (`code` on PATH), on a copy of the demo workspace.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { prepareSamples } from './samples.mjs';
import { root } from './code-server.mjs';

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const argFolder = process.argv.slice(2).find((a) => !a.startsWith('-'));
const folder = argFolder ? resolve(argFolder) : await prepareSamples({ fresh: process.argv.includes('--fresh') });
const code = process.env.VSCODE_BIN ?? 'code';
const result = spawnSync(code, ['--extensionDevelopmentPath', root, folder], { stdio: 'inherit' });
if (result.error) {
  console.error(`Could not run '${code}' (${result.error.message}). Install VS Code and put 'code' on PATH, or set VSCODE_BIN; on machines without a desktop VS Code use \`npm start\`.`);
  process.exit(1);
}
process.exit(result.status ?? 0);
