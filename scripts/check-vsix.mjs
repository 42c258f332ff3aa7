// Packages the .vsix and checks that it holds only what runs, and is small.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
if (pack.status !== 0) process.exit(pack.status ?? 1);

const vsix = join(root, 'dist', 'policy-lens.vsix');
const size = statSync(vsix).size;
// A .vsix is a zip: read the central directory for the file names.
const buf = readFileSync(vsix);
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = buf.readUInt16LE(eocd + 10);
let offset = buf.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  const nameLength = buf.readUInt16LE(offset + 28);
  const extraLength = buf.readUInt16LE(offset + 30);
  const commentLength = buf.readUInt16LE(offset + 32);
  names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
  offset += 46 + nameLength + extraLength + commentLength;
}
const problems = [];
if (size > 500 * 1024) problems.push(`the .vsix is ${Math.round(size / 1024)} KB (limit 500 KB)`);
for (const name of names) {
  if (/^extension\/(src|test|node_modules|scripts|\.cache|samples|demo|artifacts)\//.test(name)) problems.push(`ships ${name}`);
  if (/\.(ts|map)$/.test(name) && !name.endsWith('.d.ts')) problems.push(`ships ${name}`);
}
for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/syntaxes/policytext.tmLanguage.json',
  'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/media/icon.png',
  'extension/schemas/policy-lens-annotations.schema.json', 'extension/schemas/policy-lens-codebook.schema.json',
  'extension/l10n/bundle.l10n.json', 'extension/media/screenshot.jpg',
  ...JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.walkthroughs.flatMap((w) => w.steps.map((s) => `extension/${s.media.svg}`))]) {
  if (!names.includes(required)) problems.push(`missing ${required}`);
}
console.log(`dist/policy-lens.vsix: ${Math.round(size / 1024)} KB, ${names.length} files:\n  ${names.join('\n  ')}`);
if (problems.length) {
  console.error(`.vsix check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
