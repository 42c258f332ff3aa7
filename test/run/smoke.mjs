// UI smoke test in code-server (the real VS Code, Node extension host, real disk) driven by Debian's
// Chromium: the reference press release opens as Policy Text, the Policy Lens view shows its sessions,
// and screenshots are saved in artifacts/ for people to look at.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureCodeServer, freePort, installExtension, launchCodeServer, writeUserSettings } from '../../scripts/code-server.mjs';
import { launchChromium } from './chromium.mjs';
import { prepareWorkspace, root } from './workspace.mjs';

const vsix = join(root, 'dist', 'policy-lens.vsix');
const artifacts = join(root, 'artifacts');
const reference = '00-press-counter-terrorism-conference.txt';
const steps = [];

function step(name) {
  steps.push(name);
  console.log(`  … ${name}`);
}

if (!existsSync(vsix)) {
  console.error('dist/policy-lens.vsix is missing: run `npm run package` first');
  process.exit(1);
}
await mkdir(artifacts, { recursive: true });
const codeServer = await ensureCodeServer();
await rm(join(root, '.cache', 'profiles', 'smoke'), { recursive: true, force: true });
await installExtension(codeServer, 'smoke', vsix);
await writeUserSettings('smoke', {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
});
const folder = await prepareWorkspace('test-workspace-smoke');
const port = await freePort();
const server = await launchCodeServer(codeServer, { profileName: 'smoke', folder, port, quiet: true });
const browser = await launchChromium();
let failed = false;
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
try {
  step('load the workbench');
  await page.goto(server.url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90000 });
  await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 60000 });

  step(`open ${reference} with Quick Open`);
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(reference.replace('.txt', ''));
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${reference}"]`, { timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${reference}"]`, { timeout: 20000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20000 });

  step('the status bar says Policy Text');
  const mode = page.locator('[id="status.editor.mode"]');
  await mode.waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.getElementById('status.editor.mode')?.textContent?.includes('Policy Text'), undefined, { timeout: 20000 });

  step('the Policy Lens view container shows its Sessions view');
  await page.locator('.activitybar [aria-label^="Policy Lens"]').first().click();
  await page.waitForSelector('.sidebar .composite.title:has-text("Policy Lens")', { timeout: 20000 });
  await page.waitForSelector('.sidebar .monaco-list-row[aria-label*="Session III"]', { timeout: 20000 });
  await page.screenshot({ path: join(artifacts, 'smoke-workbench.png') });
  console.log(`smoke: ${steps.length} steps passed; screenshot artifacts/smoke-workbench.png`);
} catch (err) {
  failed = true;
  console.error(`smoke: FAILED at "${steps.at(-1)}": ${err instanceof Error ? err.message : err}`);
  await page.screenshot({ path: join(artifacts, 'smoke-failure.png') }).catch(() => undefined);
  console.error('screenshot of the failure: artifacts/smoke-failure.png');
} finally {
  await browser.close().catch(() => undefined);
  server.child.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
