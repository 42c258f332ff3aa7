// The `policy-lens analyze --json` shape: 1-based lines (LF only), surfaces verbatim from the text.
import type { PolicyDocument } from './types';

export interface AnalyzeJson {
  file: string;
  /** A heading printed over several lines gives one item per line; the later ones have `continues`. */
  sections: { line: number; text: string; level: number; title: string; continues?: number }[];
  speakers: {
    line: number; surface: string; name: string | null; role: string | null; organisation: string | null;
    country: string | null; language: string | null; label: string | null; kind: string;
    constituency?: string; party?: string;
  }[];
  /** `symbol` is an array when one surface names several symbols (`resolutions 2170 and 2178`, joint symbols). */
  references: { line: number; surface: string; symbol: string | string[]; kind: string; organ: string | null }[];
  figures: { line: number; surface: string; kind: string; value: number | number[] | string | null; currency: string | null; noun: string | null }[];
  dates: { line: number; surface: string; type: string; value: string | string[] | null }[];
}

export function toAnalyzeJson(file: string, doc: PolicyDocument): AnalyzeJson {
  const line = (offset: number) => doc.lineOf(offset) + 1;
  const wholeLine = (start: number, end: number) => doc.text.slice(start, end);
  return {
    file,
    sections: doc.sections.flatMap((s) => [
      { line: line(s.range.start), text: wholeLine(s.range.start, s.range.end), level: s.level, title: s.title },
      ...(s.continuation ?? []).map((r) => ({ line: line(r.start), text: wholeLine(r.start, r.end), level: s.level, title: s.title, continues: line(s.range.start) })),
    ]),
    speakers: doc.speakers.map((t) => ({
      line: line(t.range.start), surface: t.surface, name: t.name ?? null, role: t.role ?? null,
      organisation: t.organisation ?? null, country: t.country ?? null, language: t.language ?? null, label: t.label ?? null,
      kind: t.kind ?? 'turn',
      ...(t.constituency ? { constituency: t.constituency } : {}), ...(t.party ? { party: t.party } : {}),
    })),
    references: doc.references.map((r) => ({
      line: line(r.range.start), surface: r.surface, symbol: r.symbols.length > 1 ? r.symbols : r.symbol, kind: r.kind, organ: r.organ ?? null,
    })),
    figures: doc.figures.map((f) => ({
      line: line(f.range.start), surface: f.surface, kind: f.kind, value: f.value ?? null, currency: f.currency ?? null, noun: f.noun ?? null,
    })),
    dates: doc.dates.map((d) => ({ line: line(d.range.start), surface: d.surface, type: d.kind, value: d.value ?? null })),
  };
}
