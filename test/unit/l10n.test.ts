// Localisation the VS Code way: manifest strings in package.nls.json, runtime strings through vscode.l10n.t,
// collected by @vscode/l10n-dev into l10n/bundle.l10n.json, which the manifest declares. A new or changed
// vscode.l10n.t string fails here until the bundle is regenerated with `npm run l10n`.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): { path: string; contents: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [{ path, contents: readFileSync(path, 'utf8') }] : [];
  });
}

describe('localisation', () => {
  const extensionSources = sources(join(root, 'src', 'extension'));

  it('has every %key% of package.json in package.nls.json, and no key that nothing uses', () => {
    const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((key) => !(key in nls)), [], 'keys missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'keys of package.nls.json that package.json does not use');
  });

  it('declares the runtime bundle in the manifest and ships it in the .vsix', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!l10n\/\*\.json$/m);
  });

  it('passes only literal strings to vscode.l10n.t, which the bundle tool can collect', () => {
    const dynamic = extensionSources.flatMap(({ path, contents }) =>
      [...contents.matchAll(/l10n\.t\(\s*(?!['"`])([^)]{0,40})/g)].map((m) => `${path}: l10n.t(${m[1]}`));
    assert.deepEqual(dynamic, []);
  });

  it('has a current l10n/bundle.l10n.json (regenerate with `npm run l10n`)', async () => {
    const expected = await getL10nJson(extensionSources.map(({ contents }) => ({ contents, extension: '.ts' })));
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8'));
    const missing = Object.keys(expected).filter((k) => !(k in bundle));
    const stale = Object.keys(bundle).filter((k) => !(k in expected));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'the bundle is out of date: run `npm run l10n`');
    assert.deepEqual(bundle, expected);
  });
});
