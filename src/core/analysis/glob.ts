/**
 * Document globs as in VS Code's "files to include": `**` crosses folders, `*` and `?` stay within a name,
 * `{a,b}` is a choice, `[…]` a character class. A glob without a `/` matches in any folder (`*.txt`), and a
 * plain word matches any path that contains it, as the Search view's include box does.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const g = glob.trim();
  if (!g) return () => true;
  if (!/[*?{[]/.test(g)) {
    const needle = g.toLowerCase();
    return (path) => path.toLowerCase().includes(needle);
  }
  const anchored = g.startsWith('/') ? g.slice(1) : g.startsWith('**/') || g.includes('/') ? g : `**/${g}`;
  const re = new RegExp(`^${toRegExp(anchored)}$`, 'i');
  return (path) => re.test(path);
}

function toRegExp(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        // `**/` matches no folder too; a trailing `**` matches everything below.
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return out + ')'.repeat(depth);
}
