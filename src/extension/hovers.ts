import * as vscode from 'vscode';
import type { DateMention, Figure, PolicyDocument, Reference, SpeakerTurn, TextRange } from '../core/document';
import { LanguageId } from './commandIds';
import { escapeMarkdown } from './markdown';
import { toRange, type PolicyDocuments } from './policyDocuments';
import { documentUrl, isUnReference } from './referenceLinks';

// Hovers on what the parser recognised: a reference's symbol, organ, year and mentions; a speaker's full
// name and role; a figure's normalised value; a date's ISO value and weekday.
class PolicyHovers implements vscode.HoverProvider {
  constructor(private readonly documents: PolicyDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const model = this.documents.get(document);
    const offset = document.offsetAt(position);
    const reference = itemAt(model.references, offset);
    if (reference) return new vscode.Hover(referenceHover(model, reference), toRange(document, reference.range.start, reference.range.end));
    const turn = itemAt(model.speakers, offset);
    if (turn) return new vscode.Hover(speakerHover(turn), toRange(document, turn.range.start, turn.range.end));
    const figure = itemAt(model.figures, offset);
    if (figure) return new vscode.Hover(figureHover(figure), toRange(document, figure.range.start, figure.range.end));
    const date = itemAt(model.dates, offset);
    if (date) return new vscode.Hover(dateHover(date), toRange(document, date.range.start, date.range.end));
    return undefined;
  }
}

/** Items are sorted by start and do not overlap within one kind: binary search. */
export function itemAt<T extends { range: TextRange }>(items: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { start, end } = items[mid].range;
    if (offset < start) hi = mid - 1;
    else if (offset > end) lo = mid + 1;
    else return items[mid];
  }
  return undefined;
}

function referenceHover(model: PolicyDocument, reference: Reference): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const linked = isUnReference(reference);
  for (const symbol of reference.symbols) {
    const mentions = model.references.filter((r) => r.symbols.includes(symbol)).length;
    const url = linked ? documentUrl(symbol).toString(true) : reference.url;
    md.appendMarkdown(url ? `**[${escapeMarkdown(symbol)}](${url})**` : `**${escapeMarkdown(symbol)}**`);
    const times = mentions === 1 ? vscode.l10n.t('mentioned once in this document') : vscode.l10n.t('mentioned {0} times in this document', mentions);
    md.appendMarkdown(` — ${times}\n\n`);
  }
  const facts = [kindLabel(reference), reference.organ, reference.year].filter(Boolean).join(' · ');
  if (facts) md.appendMarkdown(`${facts}\n\n`);
  if (linked) md.appendMarkdown(`$(link-external) ${vscode.l10n.t('Ctrl+click to open in the UN Official Document System')}`);
  else if (reference.url && reference.organ) md.appendMarkdown(`$(link-external) ${vscode.l10n.t('Ctrl+click to open on the website of the {0}', reference.organ)}`);
  return md;
}

function kindLabel(reference: Reference): string {
  switch (reference.kind) {
    case 'resolution': return vscode.l10n.t('Resolution');
    case 'decision': return vscode.l10n.t('Decision');
    case 'press-release': return vscode.l10n.t('Press release');
    case 'meeting-record': return vscode.l10n.t('Meeting record');
    case 'document': return vscode.l10n.t('Document');
    case 'bill': return vscode.l10n.t('Bill');
    case 'parliamentary': return vscode.l10n.t('Parliamentary document');
  }
}

function speakerHover(turn: SpeakerTurn): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const name = turn.name ?? turn.person?.name;
  md.appendMarkdown(`$(person) **${escapeMarkdown(name ?? turn.surface)}**`);
  if (name && name !== turn.surface) md.appendMarkdown(` (${escapeMarkdown(turn.surface)})`);
  const role = turn.role ?? turn.person?.role;
  const organisation = turn.organisation ?? turn.person?.organisation;
  const country = turn.country ?? turn.person?.country;
  const seat = [turn.constituency, turn.party].filter(Boolean).join(', ');
  const lines = [role, organisation && !role?.includes(organisation) ? organisation : undefined, country, seat || undefined, turn.language ? vscode.l10n.t('spoke in {0}', turn.language) : undefined]
    .filter((l): l is string => !!l);
  if (lines.length) md.appendMarkdown(`\n\n${lines.map(escapeMarkdown).join('  \n')}`);
  return md;
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatFigureValue(figure: Figure): string | undefined {
  const currency = figure.currency ? `${figure.currency} ` : '';
  const one = (v: number): string => `${currency}${numberFormat.format(v)}`;
  const value = figure.value;
  if (figure.kind === 'vote' && typeof value === 'string') {
    const [yes, no, abstain] = value.split('-');
    if (no === undefined) return vscode.l10n.t('{0} in favour', yes);
    return abstain === undefined
      ? vscode.l10n.t('{0} in favour, {1} against', yes, no)
      : vscode.l10n.t('{0} in favour, {1} against, {2} abstentions', yes, no, abstain);
  }
  if (Array.isArray(value)) return value.map(one).join(' – ');
  if (typeof value === 'number') return figure.kind === 'percent' ? `${numberFormat.format(value)} %` : one(value);
  return typeof value === 'string' ? value : undefined;
}

function figureKindLabel(figure: Figure): string {
  switch (figure.kind) {
    case 'money': return vscode.l10n.t('Money');
    case 'money-range': return vscode.l10n.t('Money range');
    case 'count': return vscode.l10n.t('Count');
    case 'percent': return vscode.l10n.t('Percentage');
    case 'vote': return vscode.l10n.t('Vote');
    case 'range': return vscode.l10n.t('Range');
    case 'duration': return vscode.l10n.t('Duration');
    case 'ratio': return vscode.l10n.t('Ratio');
  }
}

function figureHover(figure: Figure): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const value = formatFigureValue(figure);
  md.appendMarkdown(`$(symbol-number) **${escapeMarkdown(value ?? figure.surface)}**`);
  md.appendMarkdown(`\n\n${figureKindLabel(figure)}${figure.noun ? ` · ${escapeMarkdown(figure.noun)}` : ''}`);
  if (figure.currencyInferred) {
    md.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('$ read as {0}: the document is from {1}', figure.currency ?? '', figure.currencyInferred))}`);
  }
  return md;
}

function dateKindLabel(date: DateMention): string {
  switch (date.kind) {
    case 'date': return vscode.l10n.t('Date');
    case 'date-range': return vscode.l10n.t('Dates');
    case 'month': return vscode.l10n.t('Month');
    case 'year': return vscode.l10n.t('Year');
    case 'year-range': return vscode.l10n.t('Years');
    case 'decade': return vscode.l10n.t('Decade');
    case 'fiscal-year': return vscode.l10n.t('Fiscal year');
    case 'time': return vscode.l10n.t('Time of day');
    case 'deadline': return vscode.l10n.t('Deadline');
    case 'relative-date': return vscode.l10n.t('Relative date');
  }
}

/** `2020-01-13` -> `Monday, 13 January 2020`; other ISO forms as they are. */
export function formatDateValue(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const when = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(when);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  }
  if (/^\d{3}$/.test(value)) return `${value}0s`;
  if (/^\d{4}\/\d{4}$/.test(value)) return value.replace('/', '–');
  return value;
}

function dateHover(date: DateMention): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const values = date.value === undefined ? [] : Array.isArray(date.value) ? date.value : [date.value];
  const shown = values.length ? values.map(formatDateValue).join(values.length > 1 && date.kind === 'date-range' ? ' – ' : '; ') : date.surface;
  md.appendMarkdown(`$(calendar) **${escapeMarkdown(shown)}**`);
  const iso = values.length ? ` · \`${values.join(date.kind === 'date-range' ? '/' : ', ')}\`` : '';
  md.appendMarkdown(`\n\n${dateKindLabel(date)}${iso}`);
  if (!values.length && /\d{1,2}/.test(date.surface) && date.kind !== 'time') {
    md.appendMarkdown(`\n\n${vscode.l10n.t('The document does not say which year.')}`);
  }
  return md;
}

export function registerHovers(documents: PolicyDocuments): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: LanguageId }, new PolicyHovers(documents));
}
