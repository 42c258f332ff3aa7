/** Identifiers: theme ids made from labels, annotation ids made at random. */

/**
 * A readable theme id from a label: lower case, accents dropped, anything but letters and digits
 * turned into single hyphens. Letters of any script stay, so that non-Latin codebooks get ids too.
 */
export function slug(label: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'theme';
}

/** slug(label), with -2, -3, ... appended while it is taken. */
export function uniqueSlug(label: string, taken: ReadonlySet<string>): string {
  const base = slug(label);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * A new annotation id: 6 hex digits, not in `taken`. `random` returns numbers in [0, 1) (inject a
 * seeded one in tests). After many collisions (a file with millions of ids) the id grows a digit.
 */
export function newAnnotationId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (let digits = 6; ; digits++) {
    for (let attempt = 0; attempt < 64; attempt++) {
      const id = Math.floor(random() * 16 ** digits)
        .toString(16)
        .padStart(digits, '0');
      if (!taken.has(id)) return id;
    }
  }
}
