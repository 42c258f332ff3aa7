/**
 * Small typed readers over `yaml` nodes that fail with the node's position, shared by the sidecar and
 * codebook schemas. They throw a NodeError; the schema's entry point turns it into a SourceError.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export class NodeError extends Error {
  constructor(
    readonly node: Node | null | undefined,
    message: string,
  ) {
    super(message);
  }
}

export function asMap(node: unknown, what: string): YAMLMap<unknown, unknown> {
  if (!isMap(node)) throw new NodeError(node as Node, `${what} must be a mapping`);
  return node;
}

export function asSeq(node: unknown, what: string): YAMLSeq<unknown> {
  if (!isSeq(node)) throw new NodeError(node as Node, `${what} must be a list`);
  return node;
}

/** The pair of `key` in `map`, if present. */
export function pairOf(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
}

/** The value node of `key`, or a NodeError at the mapping when a required key is missing. */
export function field(map: YAMLMap<unknown, unknown>, key: string, what: string, required: true): Node;
export function field(map: YAMLMap<unknown, unknown>, key: string, what: string, required?: false): Node | undefined;
export function field(map: YAMLMap<unknown, unknown>, key: string, what: string, required = false): Node | undefined {
  const pair = pairOf(map, key);
  if (!pair) {
    if (required) throw new NodeError(map, `${what} is missing "${key}"`);
    return undefined;
  }
  // A key with nothing after it (`note:`) has a null value node, or none at all.
  return (pair.value as Node | null) ?? (pair.key as Node);
}

export function scalarOf(node: Node, what: string): Scalar {
  if (!isScalar(node)) throw new NodeError(node, `${what} must be a single value`);
  return node;
}

/** Half of a UTF-16 surrogate pair without its other half: a YAML escape such as "\uD800". */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function str(node: Node, what: string, opts: { nonEmpty?: boolean; pattern?: RegExp; hint?: string } = {}): string {
  const s = scalarOf(node, what);
  if (typeof s.value !== 'string') {
    const hint = s.value === null && s.comment ? ' (a value starting with "#" must be quoted)' : opts.hint ?? '';
    throw new NodeError(node, `${what} must be a string${hint}`);
  }
  if (opts.nonEmpty && s.value === '') throw new NodeError(node, `${what} must not be empty`);
  const lone = LONE_SURROGATE.exec(s.value);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw new NodeError(node, `${what} holds a lone surrogate (U+${code}), half of a character that cannot be written as UTF-8`);
  }
  if (opts.pattern && !opts.pattern.test(s.value)) throw new NodeError(node, `${what} is not valid: "${s.value}"`);
  return s.value;
}

export function int(node: Node, what: string, min = 0): number {
  const s = scalarOf(node, what);
  if (typeof s.value !== 'number' || !Number.isInteger(s.value) || s.value < min) {
    throw new NodeError(node, `${what} must be a whole number${min === 0 ? ' (0 or more)' : ` of at least ${min}`}`);
  }
  return s.value;
}

export function strings(node: Node, what: string): string[] {
  return asSeq(node, what).items.map((item, i) => str(item as Node, `${what}[${i}]`, { nonEmpty: true }));
}
