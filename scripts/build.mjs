// Builds everything that ships or is tested: the extension bundle (one file for the desktop and the web
// extension host), the CLI, the grammar JSON, and the integration-test bundles.
import * as esbuild from 'esbuild';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

// The core must stay free of VS Code and of Node so that it runs in the CLI, the web worker and tests
// alike. tsconfig.core.json and ESLint check this too; the build refuses to ship a violation.
async function checkCoreIsPure() {
  const offenders = [];
  for await (const file of walk(join(root, 'src/core'))) {
    if (!file.endsWith('.ts')) continue;
    const text = await readFile(file, 'utf8');
    const re = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
    for (const m of text.matchAll(re)) {
      const spec = m[1];
      if (spec === 'vscode' || spec.startsWith('node:') || /^(fs|path|os|crypto|child_process|util)(\/|$)/.test(spec)) {
        const line = text.slice(0, m.index).split('\n').length;
        offenders.push(`${relative(root, file)}:${line}: imports '${spec}'`);
      }
    }
  }
  if (offenders.length) {
    throw new Error(`src/core must not import vscode or Node modules:\n  ${offenders.join('\n  ')}`);
  }
}

async function buildGrammar() {
  const source = join(root, 'syntaxes/policytext.tmLanguage.yaml');
  const grammar = parseYaml(await readFile(source, 'utf8'));
  await mkdir(join(root, 'dist/syntaxes'), { recursive: true });
  await writeFile(join(root, 'dist/syntaxes/policytext.tmLanguage.json'), JSON.stringify(grammar, null, production ? 0 : 2));
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
};

const builds = [
  // One bundle for `main` and `browser`: no Node built-ins may be pulled in, which platform 'browser'
  // enforces at build time (esbuild fails on an unresolvable `fs`).
  {
    ...common,
    entryPoints: [join(root, 'src/extension/extension.ts')],
    outfile: join(root, 'dist/extension.js'),
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/cli.js'),
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { POLICY_LENS_VERSION: JSON.stringify(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version) },
  },
  // The Matrix view's page script (webview, a browser page of its own) and its stylesheet.
  {
    ...common,
    entryPoints: [join(root, 'media/matrix/matrix.ts')],
    outfile: join(root, 'dist/media/matrix.js'),
    platform: 'browser',
    format: 'iife',
  },
  {
    ...common,
    entryPoints: [join(root, 'media/matrix/matrix.css')],
    outfile: join(root, 'dist/media/matrix.css'),
    loader: { '.css': 'css' },
  },
];

if (!production) {
  // Integration suites: the same test files, wrapped once for the web worker host (mocha's browser
  // build) and once for the Node host (@vscode/test-electron).
  builds.push(
    {
      ...common,
      entryPoints: [join(root, 'test/integration/runner/web.ts')],
      outfile: join(root, 'dist/test/web/index.js'),
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      define: { 'process.env.NODE_ENV': '"test"' },
    },
    {
      ...common,
      entryPoints: [join(root, 'test/integration/runner/node.ts')],
      outfile: join(root, 'dist/test/node/index.js'),
      platform: 'node',
      format: 'cjs',
      external: ['vscode', 'mocha'],
    },
  );
}

await checkCoreIsPure();
await buildGrammar();
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
