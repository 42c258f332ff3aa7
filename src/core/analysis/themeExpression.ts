/**
 * Theme expressions of a query: `technology AND (sanctions OR "human rights") AND NOT gender`. Operators are
 * words (AND, OR, NOT, any case) or `&`, `|`, `!`; AND binds tighter than OR; a theme is named by its id or its
 * label, quoted when it has spaces.
 */
import type { IndexTheme } from './workspaceIndex';

export type ThemeExpr =
  | { readonly kind: 'theme'; readonly id: string }
  | { readonly kind: 'and' | 'or'; readonly items: readonly ThemeExpr[] }
  | { readonly kind: 'not'; readonly item: ThemeExpr };

export type ThemeExprParse =
  | { readonly ok: true; readonly expr: ThemeExpr | undefined }
  | { readonly ok: false; readonly message: string; /** 1-based */ readonly column: number };

interface Token {
  readonly kind: 'and' | 'or' | 'not' | '(' | ')' | 'name';
  readonly text: string;
  readonly column: number;
}

class ExprError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
  }
}

/** Parses an expression; theme names resolve to ids through `themes` (id first, then label, ignoring case). */
export function parseThemeExpression(source: string, themes: readonly IndexTheme[] = []): ThemeExprParse {
  try {
    const tokens = tokenize(source);
    if (!tokens.length) return { ok: true, expr: undefined };
    let i = 0;
    const peek = (): Token | undefined => tokens[i];
    const resolve = (t: Token): string => {
      const folded = t.text.toLowerCase();
      const theme = themes.find((x) => x.id === t.text) ?? themes.find((x) => x.id.toLowerCase() === folded || x.label.toLowerCase() === folded);
      if (theme) return theme.id;
      if (themes.length) throw new ExprError(`no theme "${t.text}" in the codebook or the sidecars`, t.column);
      return t.text;
    };
    const primary = (): ThemeExpr => {
      const t = tokens[i++];
      if (!t) throw new ExprError('a theme is missing at the end', source.length + 1);
      if (t.kind === 'not') return { kind: 'not', item: primary() };
      if (t.kind === '(') {
        const inner = or();
        const close = tokens[i++];
        if (close?.kind !== ')') throw new ExprError('a ")" is missing', close?.column ?? source.length + 1);
        return inner;
      }
      if (t.kind === 'name') return { kind: 'theme', id: resolve(t) };
      throw new ExprError(`a theme is expected before "${t.text}"`, t.column);
    };
    const and = (): ThemeExpr => {
      const items = [primary()];
      while (peek()?.kind === 'and') {
        i++;
        items.push(primary());
      }
      return items.length === 1 ? items[0] : { kind: 'and', items };
    };
    const or = (): ThemeExpr => {
      const items = [and()];
      while (peek()?.kind === 'or') {
        i++;
        items.push(and());
      }
      return items.length === 1 ? items[0] : { kind: 'or', items };
    };
    const expr = or();
    const rest = peek();
    if (rest) throw new ExprError(rest.kind === ')' ? 'this ")" has no "("' : `AND or OR is expected before "${rest.text}"`, rest.column);
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, message: e.message, column: e.column };
    throw e;
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\()|(\))|(&&?)|(\|\|?)|(!)|"([^"]*)("?)|'([^']*)('?)|([^\s()"'&|!]+))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < source.length && (m = re.exec(source))) {
    const column = m.index + m[0].length - m[0].trimStart().length + 1;
    if (m[1]) tokens.push({ kind: '(', text: '(', column });
    else if (m[2]) tokens.push({ kind: ')', text: ')', column });
    else if (m[3]) tokens.push({ kind: 'and', text: m[3], column });
    else if (m[4]) tokens.push({ kind: 'or', text: m[4], column });
    else if (m[5]) tokens.push({ kind: 'not', text: '!', column });
    else if (m[6] !== undefined || m[8] !== undefined) {
      if (!(m[7] || m[9])) throw new ExprError('this quotation is not closed', column);
      tokens.push({ kind: 'name', text: m[6] ?? m[8], column });
    } else if (m[10]) {
      const word = m[10].toUpperCase();
      tokens.push({ kind: word === 'AND' ? 'and' : word === 'OR' ? 'or' : word === 'NOT' ? 'not' : 'name', text: m[10], column });
    } else break;
  }
  if (source.slice(re.lastIndex).trim()) throw new ExprError('this cannot be read', re.lastIndex + 1);
  return tokens;
}

/** Theme ids that the expression asks for (not under a NOT): a result must carry one of them. */
export function positiveThemes(expr: ThemeExpr | undefined, negated = false): string[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'theme':
      return negated ? [] : [expr.id];
    case 'not':
      return positiveThemes(expr.item, !negated);
    default:
      return [...new Set(expr.items.flatMap((e) => positiveThemes(e, negated)))];
  }
}

export function evaluate(expr: ThemeExpr, holds: (id: string) => boolean): boolean {
  switch (expr.kind) {
    case 'theme':
      return holds(expr.id);
    case 'not':
      return !evaluate(expr.item, holds);
    case 'and':
      return expr.items.every((e) => evaluate(e, holds));
    case 'or':
      return expr.items.some((e) => evaluate(e, holds));
  }
}

/** The expression written back, with ids quoted where they need it. */
export function formatThemeExpression(expr: ThemeExpr | undefined, parent: 'and' | 'or' | 'not' | undefined = undefined): string {
  if (!expr) return '';
  switch (expr.kind) {
    case 'theme':
      return /^[^\s()"'&|!]+$/.test(expr.id) && !/^(and|or|not)$/i.test(expr.id) ? expr.id : `"${expr.id}"`;
    case 'not':
      return `NOT ${formatThemeExpression(expr.item, 'not')}`;
    default: {
      const text = expr.items.map((e) => formatThemeExpression(e, expr.kind)).join(expr.kind === 'and' ? ' AND ' : ' OR ');
      return parent && (parent === 'not' || (parent === 'and' && expr.kind === 'or')) ? `(${text})` : text;
    }
  }
}
