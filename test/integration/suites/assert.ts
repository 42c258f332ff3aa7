// A small strict assert for the integration suites: they also run in the web worker extension host,
// where node:assert does not exist.
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

function deepEqualValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqualValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!deepEqualValues(actual, expected)) {
    throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual)} does not match ${pattern}`);
}

export function doesNotMatch(actual: string, pattern: RegExp, message?: string): void {
  if (pattern.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual)} matches ${pattern}`);
}
