/**
 * Theme operations on sidecars. The extension applies them to every sidecar of a workspace folder
 * when a theme is renamed, merged or deleted in the codebook, and shows the counts before it writes.
 * Annotations are never removed here: an annotation that loses its last theme keeps its note and place.
 */
import type { Annotation, Sidecar } from './model';

export interface ThemeChange {
  readonly sidecar: Sidecar;
  /** Ids of the annotations whose themes changed. */
  readonly touched: readonly string[];
}

function mapThemes(sidecar: Sidecar, edit: (themes: readonly string[]) => readonly string[]): ThemeChange {
  const touched: string[] = [];
  const annotations = sidecar.annotations.map((a): Annotation => {
    const themes = edit(a.themes);
    if (themes.length === a.themes.length && themes.every((t, i) => t === a.themes[i])) return a;
    touched.push(a.id);
    return { ...a, themes };
  });
  return { sidecar: touched.length ? { ...sidecar, annotations } : sidecar, touched };
}

/** Theme id `from` becomes `to` wherever it is used (merging if an annotation has both). */
export function renameThemeId(sidecar: Sidecar, from: string, to: string): ThemeChange {
  return mergeThemes(sidecar, from, to);
}

/** Annotations tagged `from` are tagged `into` instead, once, in the place of the first of the two. */
export function mergeThemes(sidecar: Sidecar, from: string, into: string): ThemeChange {
  if (from === into) return { sidecar, touched: [] };
  return mapThemes(sidecar, (themes) => {
    if (!themes.includes(from)) return themes;
    const out: string[] = [];
    for (const t of themes) {
      const id = t === from ? into : t;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  });
}

/** Removes a theme from every annotation that has it. */
export function removeTheme(sidecar: Sidecar, id: string): ThemeChange {
  return mapThemes(sidecar, (themes) => (themes.includes(id) ? themes.filter((t) => t !== id) : themes));
}

/** How many annotations use each theme id (including ids unknown to the codebook). */
export function themeUsage(sidecars: Iterable<Sidecar>): Map<string, number> {
  const usage = new Map<string, number>();
  for (const s of sidecars) for (const a of s.annotations) for (const t of a.themes) usage.set(t, (usage.get(t) ?? 0) + 1);
  return usage;
}
