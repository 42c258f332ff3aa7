// `policy-lens matrix FOLDER --by speaker|section|document|theme [--count passages|documents|chars]
// [--format table|csv|json] [--same-turn]`: the matrix of the extension's Matrix view, on the same core.
import { buildMatrix, matrixCsv, type Matrix, type MatrixBy, type MatrixCount } from '../core/analysis/index';
import { loadFolder, parseArgs, type FolderIo } from './passages';

const USAGE = 'usage: policy-lens matrix FOLDER --by speaker|section|document|theme [--count passages|documents|chars] [--format table|csv|json] [--same-turn]';
const BY: readonly MatrixBy[] = ['speaker', 'section', 'document', 'theme'];
const COUNT: readonly MatrixCount[] = ['passages', 'documents', 'chars'];
const FORMAT = ['table', 'csv', 'json'] as const;

export async function runMatrix(args: string[], io: FolderIo): Promise<number> {
  const parsed = parseArgs(args, ['--by', '--count', '--format'], ['--same-turn']);
  const fail = (message: string): number => {
    io.stderr(`policy-lens matrix: ${message} (${USAGE})`);
    return 2;
  };
  if (parsed.error) return fail(parsed.error);
  if (parsed.positional.length !== 1) return fail('give one FOLDER');
  const by = parsed.values.get('--by')?.at(-1);
  const count = parsed.values.get('--count')?.at(-1) ?? 'passages';
  const format = parsed.values.get('--format')?.at(-1) ?? 'table';
  if (!by) return fail('--by is required');
  if (!BY.includes(by as MatrixBy)) return fail(`--by takes ${BY.join(', ')}, not "${by}"`);
  if (!COUNT.includes(count as MatrixCount)) return fail(`--count takes ${COUNT.join(', ')}, not "${count}"`);
  if (!(FORMAT as readonly string[]).includes(format)) return fail(`--format takes ${FORMAT.join(', ')}, not "${format}"`);
  const loaded = await loadFolder(parsed.positional[0], io, 'matrix');
  if (!loaded) return 1;
  const { index } = loaded;
  const matrix = buildMatrix(index.passages(), index.themes(), { by: by as MatrixBy, count: count as MatrixCount, cooccurrence: parsed.flags.has('--same-turn') ? 'turn' : 'overlap' });
  if (format === 'json') io.stdout(JSON.stringify({ rows: matrix.rows.map((r) => r.id), columns: matrix.columns.map((c) => c.label), counts: matrix.counts }, null, 2));
  else if (format === 'csv') io.stdout(matrixCsv(matrix).replace(/\r\n$/, ''));
  else io.stdout(table(matrix));
  return loaded.failed ? 1 : 0;
}

/** A plain-text table, numbers right-aligned, long labels cut so that it fits a terminal's width per column. */
function table(m: Matrix): string {
  const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const head = ['theme', ...m.columns.map((c) => cut(c.label, 24)), 'total'];
  const body = m.rows.map((r, i) => [cut(r.id, 24), ...m.counts[i].map(String), String(m.rowTotals[i])]);
  const foot = ['total', ...m.columnTotals.map(String), String(m.total)];
  const rows = [head, ...body, foot];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]): string => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...body.map(line), rule, line(foot)].join('\n');
}
