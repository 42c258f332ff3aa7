// UI smoke test in code-server (the real VS Code, Node extension host, real disk) driven by Debian's
// Chromium the way a person uses it, from the keyboard: the reference press release opens as Policy Text,
// the Policy Lens view shows its sessions, a passage is tagged with a new theme and given a note, and the
// sidecar and codebook land on disk. Screenshots are saved in artifacts/ for people to look at.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureCodeServer, freePort, installExtension, launchCodeServer, writeUserSettings } from '../../scripts/code-server.mjs';
import { launchChromium } from './chromium.mjs';
import { prepareWorkspace, root } from './workspace.mjs';

const vsix = join(root, 'dist', 'policy-lens.vsix');
const artifacts = join(root, 'artifacts');
const reference = '00-press-counter-terrorism-conference.txt';
const steps = [];

// Polls a file on disk (Node fs: what the extension wrote really landed) until it says what we expect.
async function waitForFile(path, test, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      last = readFileSync(path, 'utf8');
      if (test(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${path} ${last === undefined ? 'was not written' : `does not hold what was expected:\n${last}`}`);
}

/** The extension's keybindings are chords after Ctrl+K. */
async function chord(key) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press(key);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 10000 });
  await page.keyboard.press('Enter');
}

function step(name) {
  steps.push(name);
  console.log(`  … ${name}`);
}

/** Picks the item of an open quick pick whose label holds `text`, once it is listed. */
async function pickItem(text) {
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${text}"]`, { timeout: 20000 });
  await page.keyboard.type(text);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}

/** Tag All Matches… from the Command Palette across the folder, creating the theme, accepting the preview. */
async function tagAllMatches(phrase, theme) {
  await runCommand('Policy Lens: Tag All Matches…');
  // Type only once this command's input is up: keys typed earlier would land in the editor.
  await page.waitForSelector('.quick-input-widget:has-text("A phrase, whole words")', { state: 'visible', timeout: 10000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(phrase);
  await page.keyboard.press('Enter');
  await pickItem('Whole words');
  await pickItem('Every document of the folder');
  await page.waitForSelector('.quick-input-widget input[placeholder*="Choose a theme"]', { state: 'visible', timeout: 30000 });
  await page.keyboard.type(theme);
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Create theme"]', { timeout: 10000 });
  await page.keyboard.press('Enter');
  // The preview lists every match with a checkbox, all ticked: Enter tags them.
  await page.waitForSelector('.quick-input-widget .quick-input-title:has-text("proposals")', { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(artifacts, `smoke-autocode-${theme.toLowerCase()}.png`) });
  await page.keyboard.press('Enter');
}

// The analyse job, kept apart from the reading and annotating steps above: tag passages in several documents
// (Tag All Matches across the folder), find them, open the matrix, look at it in a light and a dark theme, and
// click a cell through to its passages.
async function analyseSteps() {
  const matrixFrame = () => page.frameLocator('iframe.webview').frameLocator('#active-frame');

  step('tag "humanitarian" and "sanctions" in every document of the folder with Tag All Matches…, through its preview');
  await tagAllMatches('humanitarian', 'Humanitarian');
  await waitForFile(join(folder, '02-sc-pv8700-syria-crossborder.txt.annotations.yaml'), (text) => /themes: \[humanitarian\]/.test(text), 60000);
  await tagAllMatches('sanctions', 'Sanctions');
  await waitForFile(join(folder, '.policy-lens', 'codebook.yaml'), (text) => /label: Sanctions/.test(text));

  step('Find Coded Passages… lists the humanitarian passages across the folder');
  await runCommand('Policy Lens: Find Coded Passages…');
  await page.waitForSelector('.quick-input-widget:has-text("Themes, combined with AND")', { state: 'visible', timeout: 20000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('humanitarian');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.sidebar .monaco-list-row[aria-label*="passages in"][aria-label*="documents"]', { timeout: 20000 });

  step('Open Matrix shows themes × speakers as a table');
  await runCommand('Policy Lens: Open Matrix');
  await matrixFrame().locator('table#matrix tbody td').first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Control+B'); // more room for the table, as an analyst would
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(artifacts, 'smoke-matrix.png') });

  step('the matrix in a dark theme');
  // The colour theme picker, from a text editor (keys pressed inside a webview reach the workbench less surely);
  // the webview follows the workbench's theme live.
  await page.locator(`.tab[aria-label*="${reference}"]`).click();
  await page.locator('.monaco-editor .view-lines').first().click();
  const darkRow = '.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="Dark Modern"]';
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  if (!(await page.waitForSelector(darkRow, { timeout: 8000 }).catch(() => undefined))) {
    await page.keyboard.press('Escape');
    await runCommand('Preferences: Color Theme');
    await page.waitForSelector(darkRow, { timeout: 20000 });
  }
  await page.keyboard.type('Dark Modern');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark'), undefined, { timeout: 20000 });
  await page.locator('.tab[aria-label*="Matrix"]').click();
  await matrixFrame().locator('table#matrix tbody td').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(artifacts, 'smoke-matrix-dark.png') });

  step('a cell of the matrix lists its passages in the Coded Passages view');
  await page.keyboard.press('Control+B');
  const cell = matrixFrame().locator('table#matrix tbody td:not(.zero):not(.total)').first();
  await cell.click();
  await page.waitForSelector('.sidebar .monaco-list-row[aria-label*="×"]', { timeout: 20000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(artifacts, 'smoke-matrix-cell.png') });
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

  step('select a passage with Find, tag it with a new theme from the keyboard (Ctrl+K Alt+T)');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+F');
  await page.waitForSelector('.find-widget.visible textarea, .find-widget.visible input', { timeout: 10000 });
  await page.keyboard.type('resolution 2396 (2017)');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await chord('Alt+T');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('Prevention');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Create theme"]', { timeout: 10000 });
  await page.keyboard.press('Enter');
  const sidecar = join(folder, `${reference}.annotations.yaml`);
  await waitForFile(sidecar, (text) => /quote: resolution 2396 \(2017\)\n/.test(text) && /themes: \[prevention\]/.test(text));
  await waitForFile(join(folder, '.policy-lens', 'codebook.yaml'), (text) => /label: Prevention/.test(text));

  step('add a note from the keyboard (Ctrl+K Alt+N)');
  await chord('Alt+N');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('Cited as the model for notification duties.');
  await page.keyboard.press('Enter');
  await waitForFile(sidecar, (text) => /note: Cited as the model for notification duties\./.test(text));

  step('the Themes view lists the theme and its passage');
  await page.waitForSelector('.sidebar .monaco-list-row[aria-label*="Prevention"]', { timeout: 20000 });
  await chord('Alt+ArrowDown');
  const box = await page.locator('.monaco-editor .selected-text').first().boundingBox();
  if (!box) throw new Error('Next Annotation did not select the passage');

  step('hovering the passage shows its theme and note');
  // Put the cursor at the start of the line, so that the passage shows its theme colour, not the selection.
  await page.keyboard.press('Home');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.monaco-hover:has-text("Cited as the model")', { timeout: 10000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(artifacts, 'smoke-annotated.png') });
  await page.screenshot({ path: join(artifacts, 'readme-screenshot.jpg'), type: 'jpeg', quality: 82 });

  step('deleting the paragraph orphans the annotation; re-attach it to a new selection from the keyboard');
  await page.keyboard.press('Control+Shift+K');
  await page.waitForSelector('.sidebar .monaco-list-row:has-text("Orphaned annotations")', { timeout: 20000 });
  await page.keyboard.press('Control+F');
  await page.keyboard.type('resolution 2242 (2015)');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await runCommand('Policy Lens: Re-attach Orphan');
  await waitForFile(sidecar, (text) => /quote: resolution 2242 \(2015\)\n/.test(text) && !/status: orphan/.test(text));

  step('delete the theme from the Command Palette: the dialog says what it changes, then the sidecar and codebook follow');
  await runCommand('Policy Lens: Delete Theme…');
  // Type only once the theme picker is there: keys typed earlier would land in the editor.
  await page.waitForSelector('.quick-input-widget input[placeholder="Theme to delete"]', { state: 'visible', timeout: 10000 });
  await page.keyboard.type('Prevention');
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 10000 });
  const message = await dialog.innerText();
  if (!/removed from 1 annotation in 1 document/.test(message)) throw new Error(`the dialog does not say what is affected: ${message}`);
  await dialog.locator('.monaco-button', { hasText: 'Delete' }).click();
  await waitForFile(sidecar, (text) => /themes: \[\]/.test(text));
  await waitForFile(join(folder, '.policy-lens', 'codebook.yaml'), (text) => !/Prevention/.test(text));
  await analyseSteps();
  console.log(`smoke: ${steps.length} steps passed; screenshots in artifacts/ (smoke-workbench.png, smoke-annotated.png, smoke-matrix.png, smoke-matrix-dark.png, smoke-matrix-cell.png)`);
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
