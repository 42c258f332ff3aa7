// Opens a VS Code workbench page whose extension host runs our mocha suites, and collects the result
// through the hooks the workbench calls in test mode (codeAutomationLog / codeAutomationExit).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { recordSkips } from '../../scripts/skips.mjs';
import { chromiumFlags, chromiumPath } from './chromium.mjs';

const verbose = !!process.env.POLICY_LENS_VERBOSE;

export async function runSuitesInPage(url, { label, timeoutMs = Number(process.env.POLICY_LENS_TEST_TIMEOUT ?? 180000) }) {
  // A persistent (non-incognito) profile: webviews register a service worker from a cross-site origin
  // (<uuid>.localhost), which an incognito context refuses ("The user denied permission to use Service Worker").
  const profile = await mkdtemp(join(tmpdir(), 'policy-lens-chromium-'));
  await mkdir(join(profile, 'Default'), { recursive: true });
  // Third-party cookies (and so cross-site service workers) allowed, as in a default desktop profile.
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false, default_content_setting_values: { cookies: 1 } } }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true,
    args: [...chromiumFlags, '--disable-features=ThirdPartyStoragePartitioning,TrackingProtection3pcd,ThirdPartyCookieDeprecationTrial'],
  });
  let summary = '';
  const errors = [];
  const skipped = [];
  const exitCode = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`${label}: hung, no result after ${timeoutMs / 1000} s`);
      resolve(3);
    }, timeoutMs);
    (async () => {
      const page = await browser.newPage();
      page.on('pageerror', (err) => errors.push(String(err)));
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
        if (text.startsWith('policy-lens integration:')) summary = text;
        const skip = /^\s+- (.*) \(skipped: (.*)\)$/.exec(text);
        if (skip) skipped.push({ title: skip[1], reason: skip[2] });
        // The workbench logs a lot in test mode; show our reporter's lines and errors unless asked.
        if (verbose || /^(\s+[✓✗-] |policy-lens|\s+at |\s*\w*Error\b)/.test(text)) (console[type] ?? console.log)(text);
      });
      await page.exposeFunction('codeAutomationExit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      await page.goto(url);
    })().catch((err) => {
      clearTimeout(timer);
      console.error(err);
      resolve(2);
    });
  });
  await browser.close().catch(() => undefined);
  await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  const counts = /(\d+) passing, (\d+) failing, (\d+) skipped/.exec(summary);
  if (exitCode === 0 && (!counts || Number(counts[1]) === 0)) {
    console.error(`${label}: reported success but no test ran`);
    return 4;
  }
  if (exitCode !== 0 && errors.length) console.error(errors.join('\n'));
  const reasons = new Map();
  for (const { title, reason } of skipped) reasons.set(reason, [...(reasons.get(reason) ?? []), title]);
  for (const [reason, titles] of reasons) {
    console.log(`${label}: skipped ${titles.length} test${titles.length === 1 ? '' : 's'}: ${reason}`);
    recordSkips({ step: label, reason, tests: titles.length, titles });
  }
  console.log(exitCode === 0 ? `${label}: ${counts[1]} tests passed, ${counts[3]} skipped` : `${label}: FAILED (exit ${exitCode})`);
  return exitCode;
}
