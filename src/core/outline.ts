import { turnName, type PolicyDocument, type Section, type SpeakerTurn } from './document';

// The navigable structure shared by the Sessions view, the Outline/breadcrumbs and folding: sections
// nested by level, each holding the speaker turns that start inside it.
export interface OutlineNode {
  readonly kind: 'section' | 'turn';
  /** Stable across edits elsewhere in the document: built from text and occurrence, not offsets. */
  readonly id: string;
  readonly label: string;
  readonly detail?: string;
  readonly tooltip?: string;
  readonly level: number;
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: OutlineNode[];
  readonly parent?: OutlineNode;
  readonly section?: Section;
  readonly turn?: SpeakerTurn;
}

type MutableNode = { -readonly [K in keyof OutlineNode]: OutlineNode[K] };

export function turnDetail(turn: SpeakerTurn): string | undefined {
  const parts = [turn.role, turn.organisation && !turn.role?.includes(turn.organisation) ? turn.organisation : undefined, turn.country];
  const detail = parts.filter((p): p is string => !!p).join(', ');
  return detail || undefined;
}

export function buildOutline(doc: PolicyDocument): OutlineNode[] {
  const roots: MutableNode[] = [];
  const stack: MutableNode[] = [];
  const seen = new Map<string, number>();
  const uniqueId = (base: string): string => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
  const attach = (node: MutableNode): void => {
    const parent = stack.at(-1);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  };

  // Sections and turns are each in document order; merge them in one pass.
  const sections = doc.sections;
  const turns = doc.speakers;
  let si = 0;
  let ti = 0;
  while (si < sections.length || ti < turns.length) {
    const section = sections[si];
    const turn = turns[ti];
    if (section && (!turn || section.range.start <= turn.range.start)) {
      si++;
      while (stack.length && (stack.at(-1)!.level >= section.level || stack.at(-1)!.end <= section.range.start)) stack.pop();
      const parentId = stack.at(-1)?.id ?? '';
      const node: MutableNode = {
        kind: 'section', id: uniqueId(`${parentId}/s:${section.title}`), label: section.title, level: section.level,
        start: section.range.start, end: Math.max(section.end, section.range.end),
        selectionStart: section.range.start, selectionEnd: section.range.end, children: [], section,
      };
      attach(node);
      stack.push(node);
    } else if (turn) {
      ti++;
      while (stack.length && stack.at(-1)!.end <= turn.range.start) stack.pop();
      const parent = stack.at(-1);
      const end = Math.max(turn.range.end, parent ? Math.min(turn.end, parent.end) : turn.end);
      const label = turnName(turn);
      const node: MutableNode = {
        kind: 'turn', id: uniqueId(`${parent?.id ?? ''}/t:${turn.surface.replace(/\s+/g, ' ')}`), label, level: (parent?.level ?? 0) + 1,
        detail: turnDetail(turn), tooltip: turn.label ?? turn.surface,
        start: turn.range.start, end, selectionStart: turn.range.start, selectionEnd: turn.range.end, children: [], turn,
      };
      attach(node);
    }
  }
  return roots;
}

/** The deepest node whose extent contains `offset`, for following the cursor. */
export function nodeAt(roots: readonly OutlineNode[], offset: number): OutlineNode | undefined {
  let found: OutlineNode | undefined;
  let level: readonly OutlineNode[] = roots;
  for (;;) {
    const hit = findContaining(level, offset);
    if (!hit) return found;
    found = hit;
    level = hit.children;
  }
}

function findContaining(nodes: readonly OutlineNode[], offset: number): OutlineNode | undefined {
  // Nodes are sorted by start: binary search for the last one starting at or before offset.
  let lo = 0;
  let hi = nodes.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const node = best >= 0 ? nodes[best] : undefined;
  return node && offset < Math.max(node.end, node.selectionEnd + 1) ? node : undefined;
}
