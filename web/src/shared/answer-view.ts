import type { Api, AskResult, Citation } from './api.js';
import { h } from './dom.js';
import { highlightedNodes } from './highlight.js';
import type { Strings } from './i18n.js';

/** Figures of one citation, as the source writes them (the passage text is the source's own). */
export const figuresOf = (result: AskResult, n: number) => result.figures.filter((f) => f.citation === n).map((f) => f.value);

/**
 * The answer's text with its figures marked and each citation marker "[n]" turned into a button; the caller
 * decides what a marker opens (the staff page's side panel, the widget's in-place card).
 */
export function answerText(result: AskResult, s: Strings, onCite: (n: number, button: HTMLButtonElement) => void, controlsId?: (n: number) => string): HTMLElement {
  const figures = result.figures.flatMap((f) => [f.shown, f.value]);
  const marker = (n: number) => {
    const c = result.citations[n - 1];
    if (!c) return null;
    const button = h('button', { type: 'button', class: 'cite-marker', 'aria-label': s.citation(n, c.docTitle), 'aria-expanded': 'false', 'aria-controls': controlsId?.(n) }, `[${n}]`);
    button.addEventListener('click', () => onCite(n, button));
    return button;
  };
  return h('p', { class: 'answer-text' }, highlightedNodes(result.answer, figures, marker));
}

/** One cited passage: document title, section path, the passage with its figures marked, a link to the source view. */
export function citationCard(api: Api, result: AskResult, n: number, s: Strings, heading: 'h3' | 'h4' = 'h4'): HTMLElement {
  const c = result.citations[n - 1] as Citation;
  const figures = figuresOf(result, n);
  return h(
    'div',
    { class: 'citation-card' },
    h(heading, { class: 'citation-title' }, `[${n}] 《${c.docTitle}》`),
    c.section ? h('p', { class: 'citation-section' }, c.section) : null,
    h('blockquote', { class: 'citation-text' }, highlightedNodes(c.text, figures)),
    h('a', { class: 'view-source', href: api.sourceUrl(c, figures[0]), target: '_blank', rel: 'noopener' }, s.viewSource),
  );
}
