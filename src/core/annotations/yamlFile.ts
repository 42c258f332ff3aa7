/**
 * The steps every Policy Lens YAML file (sidecar, codebook) goes through before its schema: size,
 * conflict markers, its form (BOM, CRLF, tabs), YAML syntax, and no aliases. Aliases (`*name`) are
 * refused outright: no sidecar needs them, and nested ones expand exponentially ("billion laughs").
 */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { conflictError } from './conflicts';
import type { SourceError } from './model';
import { MAX_YAML_BYTES, normaliseSource, type SourceForm } from './sourceForm';
import { errorAt, syntaxError } from './yamlErrors';

export function parseYamlFile(source: string): { document: Document; lines: LineCounter; form: SourceForm } | { error: SourceError; conflict?: boolean } {
  if (source.length > MAX_YAML_BYTES) return normaliseSource(source) as { error: SourceError };
  const conflict = conflictError(source);
  if (conflict) return { error: conflict, conflict: true };
  const normal = normaliseSource(source);
  if ('error' in normal) return normal;
  const lines = new LineCounter();
  const document = parseDocument(normal.text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: true });
  if (document.errors.length) return { error: duplicateKeyHint(syntaxError(document.errors[0], lines), document.errors[0].code) };
  let alias: SourceError | undefined;
  visit(document, {
    Alias(_, node) {
      alias = errorAt(node, `YAML aliases (*${node.source}) are not allowed in Policy Lens files: write the value out`, lines);
      return visit.BREAK;
    },
  });
  if (alias) return { error: alias };
  return { document, lines, form: normal.form };
}

function duplicateKeyHint(error: SourceError, code: string): SourceError {
  return code === 'DUPLICATE_KEY' ? { ...error, message: 'duplicate key: map keys must be unique (a key may appear only once in a mapping)' } : error;
}
