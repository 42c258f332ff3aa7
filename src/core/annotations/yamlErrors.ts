/** Turning `yaml` errors and nodes into positioned SourceErrors. */
import type { LineCounter, Node, YAMLError } from 'yaml';
import type { SourceError } from './model';

/** The first YAML syntax error of a document, without the source excerpt `yaml` appends. */
export function syntaxError(e: YAMLError, lines: LineCounter): SourceError {
  const { line, col } = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
  const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { message, line, column: col };
}

/** An error located at a node (or at the start of the file when there is none). */
export function errorAt(node: Node | null | undefined, message: string, lines: LineCounter): SourceError {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { message, line, column: col };
}
