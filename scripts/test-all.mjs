// `npm test`: every check, in order, stopping at the first failure, then a summary of what ran and of every test
// that was skipped, with the reason. Suites that need ../shared/corpus run when it is there (or at
// POLICY_LENS_CORPUS) and are skipped otherwise; with POLICY_LENS_REQUIRE_CORPUS=1 (set by .ci/run when
// ../shared/corpus exists) a skipped test fails the run, so that the corpus suites cannot silently stop running.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCorpus, repoRoot as root } from './shared.mjs';
import { readSkips } from './skips.mjs';

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
const requireCorpus = process.env.POLICY_LENS_REQUIRE_CORPUS === '1';
const corpus = findCorpus();
console.log(corpus.present
  ? `Corpus: ${corpus.dir} (from ${corpus.source}); every suite runs.`
  : `Corpus: not found; the suites that need it are skipped (${corpus.reason}).`);
if (requireCorpus && !corpus.present) {
  console.log('\nnpm test: FAILED: POLICY_LENS_REQUIRE_CORPUS=1 but the corpus is not found, so its suites would be skipped');
  process.exit(1);
}

const skipFile = join(tmpdir(), `policy-lens-skips-${process.pid}.jsonl`);
rmSync(skipFile, { force: true });
const env = { ...process.env, POLICY_LENS_SKIP_REPORT: skipFile };
const results = [];
let failedAt;
for (const [name, command, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${result.status === 0 ? '✓' : '✗'} ${name} (${seconds} s)`);
  if (result.status !== 0) {
    failedAt = { name, status: result.status ?? 1 };
    break;
  }
}

const skips = readSkips(skipFile);
rmSync(skipFile, { force: true });
console.log(`\n${results.join('\n')}`);
if (skips.length) {
  const total = skips.reduce((n, s) => n + s.tests, 0);
  console.log(`\nSkipped: ${total} test${total === 1 ? '' : 's'}`);
  for (const s of skips) {
    const examples = s.titles.slice(0, 2).map((t) => `"${t}"`).join(', ');
    console.log(`  ${s.step}: ${s.tests} (${s.reason}), e.g. ${examples}${s.titles.length > 2 ? ', …' : ''}`);
  }
} else {
  console.log('\nSkipped: none');
}
const passed = results.filter((r) => r.startsWith('✓')).length;
if (failedAt) {
  console.log(`\nnpm test: FAILED at "${failedAt.name}"\nsteps: ${passed} passed, 1 failed`);
  process.exit(failedAt.status);
}
if (requireCorpus && skips.length) {
  console.log('\nnpm test: FAILED: tests were skipped although the corpus is there (POLICY_LENS_REQUIRE_CORPUS=1)');
  console.log(`steps: ${passed} passed, 1 failed`);
  process.exit(1);
}
console.log(`\nnpm test: all passed\nsteps: ${passed} passed, 0 failed`);
