import type { DocText } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { highlightedNodes } from '../shared/highlight.js';

export interface PassageRange {
  start: number;
  end: number;
  /** A figure to mark inside the passage, as the source writes it. */
  figure?: string;
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5'] as const;

/** Paragraphs of the cleaned text with their offsets, so that citation offsets map onto them. */
function paragraphs(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ start: m.index ?? 0, text: m[0] });
  return out;
}

/** The part of a paragraph inside the passage range wrapped in <mark class="passage">, its figure marked within. */
function paragraphBody(p: { start: number; text: string }, range: PassageRange | undefined, isFirst: boolean): Node[] {
  const end = p.start + p.text.length;
  if (!range || range.end <= p.start || range.start >= end) return [document.createTextNode(p.text)];
  const from = Math.max(0, range.start - p.start);
  const to = Math.min(p.text.length, range.end - p.start);
  const inside = p.text.slice(from, to);
  const mark = h('mark', { class: 'passage', ...(isFirst ? { id: 'passage', tabindex: '-1' } : {}) }, highlightedNodes(inside, range.figure ? [range.figure] : []));
  return [document.createTextNode(p.text.slice(0, from)), mark, document.createTextNode(p.text.slice(to))];
}

/**
 * The cleaned document as headings and paragraphs. A section whose title is a line of its own becomes a heading;
 * one whose title opens a paragraph ("一、坚持产业强区，…。先进制造业…") gets an anchor on that paragraph.
 */
export function renderDocument(doc: DocText, range?: PassageRange): HTMLElement {
  const byStart = new Map(doc.sections.map((s, i) => [s.start, { s, i }]));
  const article = h('article', { class: 'document' });
  let marked = false;
  for (const p of paragraphs(doc.text)) {
    const section = byStart.get(p.start);
    const body = paragraphBody(p, range, !marked);
    if (body.length > 1) marked = true;
    if (section && p.text.trim() === section.s.title.trim()) {
      article.append(h(HEADINGS[Math.min(section.s.level, HEADINGS.length) - 1]!, { id: `s-${section.i}` }, body));
    } else if (section) {
      article.append(h('p', { id: `s-${section.i}`, class: 'section-start' }, body));
    } else {
      article.append(h('p', {}, body));
    }
  }
  return article;
}

/** A table of contents linking to the section anchors that renderDocument sets. */
export function renderOutline(doc: DocText, hrefBase = ''): HTMLElement {
  return h(
    'ul',
    { class: 'outline' },
    doc.sections.map((s, i) => h('li', { class: `level-${s.level}` }, h('a', { href: `${hrefBase}#s-${i}` }, s.title))),
  );
}

/** start, end and hl from the query string, when they make a valid range. */
export function rangeFromQuery(search: string): PassageRange | undefined {
  const q = new URLSearchParams(search);
  const start = Number(q.get('start'));
  const end = Number(q.get('end'));
  if (!q.has('start') || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return undefined;
  const figure = q.get('hl') ?? undefined;
  return { start, end, ...(figure ? { figure } : {}) };
}
