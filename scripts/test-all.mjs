// `npm test`: every check, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const steps = [
  ['build', 'npm', ['run', '--silent', 'build']],
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit + grammar tests (Node)', 'npm', ['run', '--silent', 'test:unit']],
  ['integration tests (VS Code web extension host)', 'npm', ['run', '--silent', 'test:web']],
  ['integration tests (code-server: Node extension host, real disk)', 'npm', ['run', '--silent', 'test:server']],
  ['package (.vsix)', 'node', ['scripts/check-vsix.mjs']],
  ['UI smoke test (code-server + Chromium)', 'npm', ['run', '--silent', 'test:smoke']],
];
const only = process.argv.slice(2);
const results = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${result.status === 0 ? '✓' : '✗'} ${name} (${seconds} s)`);
  if (result.status !== 0) {
    console.log(`\n${results.join('\n')}\n\nnpm test: FAILED at "${name}"`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}\n\nnpm test: all passed`);
