/**
 * Default theme colours: twelve hues that stay apart from each other as translucent highlights on both
 * light and dark editor themes (after Tableau 10, with the grey left out for uncategorised themes).
 */
export const PALETTE: readonly string[] = [
  '#4e79a7', // blue
  '#f28e2b', // orange
  '#e15759', // red
  '#76b7b2', // teal
  '#59a14f', // green
  '#edc948', // yellow
  '#b07aa1', // purple
  '#ff9da7', // pink
  '#9c755f', // brown
  '#17becf', // cyan
  '#bcbd22', // olive
  '#8c6bb1', // violet
];

/** Colour of a theme id used in a sidecar but missing from the codebook. */
export const UNCATEGORISED_COLOR = '#9d9d9d';

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The first palette colour not yet used, or the least used one once all are taken. */
export function nextColor(used: Iterable<string>): string {
  const counts = new Map(PALETTE.map((c) => [c, 0]));
  for (const c of used) {
    const key = c.toLowerCase();
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  let best = PALETTE[0];
  for (const c of PALETTE) if (counts.get(c)! < counts.get(best)!) best = c;
  return best;
}
