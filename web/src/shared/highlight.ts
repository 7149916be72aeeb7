import { h } from './dom.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MarkerHandler {
  /** Builds the control for citation marker [n] (n is 1-based), or null to leave the text as it is. */
  (n: number): Node | null;
}

/**
 * Splits text into text nodes, <mark> elements for the given figures (longest first, so "超1300亿元" wins
 * over "1300亿元") and, when a handler is given, controls for the citation markers "[1]" "[2]".
 */
export function highlightedNodes(text: string, figures: string[], marker?: MarkerHandler): Node[] {
  const unique = [...new Set(figures.filter((f) => f.length > 0))].sort((a, b) => b.length - a.length);
  const parts = unique.map(escapeRegExp);
  if (marker) parts.push('\\[(\\d{1,2})\\]');
  if (parts.length === 0) return [document.createTextNode(text)];
  const pattern = new RegExp(parts.join('|'), 'g');
  const nodes: Node[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    const control = m[1] !== undefined && marker ? marker(Number(m[1])) : undefined;
    if (m[1] !== undefined && !control) continue;
    if (at > last) nodes.push(document.createTextNode(text.slice(last, at)));
    nodes.push(control ?? h('mark', { class: 'figure' }, m[0]));
    last = at + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
