import { CLAUSE_END, SENTENCE_END, splitAt, type Span } from './split-sentences.js';

/** Sizes in characters; Chinese text, so roughly one character per token for the embedder. */
export interface PackOptions {
  /** A paragraph up to this length stays one chunk. */
  single: number;
  /** Preferred piece size when a paragraph has to be split. */
  target: number;
  /** Soft limit: longer pieces are penalised, and a sentence longer than this is cut at ；. */
  max: number;
  /** Hard limit for a piece of several sentences; only a single sentence may be longer. */
  hardMax: number;
}

export const DEFAULT_PACK: PackOptions = { single: 220, target: 190, max: 260, hardMax: 360 };

/**
 * Cuts a paragraph into retrieval-sized pieces of whole sentences. Written by hand rather than with
 * RecursiveCharacterTextSplitter because every piece must map back to exact offsets in the cleaned
 * text, and cuts may fall only after 。！？ (or ； inside an over-long sentence), never inside a figure.
 * Returns spans relative to `text`, contiguous except for white space between sentences.
 */
export function packParagraph(text: string, opts: PackOptions = DEFAULT_PACK): Span[] {
  const trimmed = splitAt(text, ''); // one span without surrounding white space
  if (trimmed.length === 0) return [];
  const whole = trimmed[0];
  if (whole.end - whole.start <= opts.single) return [whole];

  const units: Span[] = [];
  for (const sentence of splitAt(text, SENTENCE_END)) {
    if (sentence.end - sentence.start <= opts.max) units.push(sentence);
    else units.push(...splitAt(text.slice(sentence.start, sentence.end), CLAUSE_END, sentence.start));
  }

  return partition(units, opts);
}

/**
 * Groups consecutive units into pieces, choosing the grouping whose piece lengths stay closest to
 * `target` (least squares, by dynamic programming over the few sentences of a paragraph), with a
 * steeper penalty past `max`. Greedy packing leaves scraps ("…系统。" alone) next to a long
 * sentence; this prefers a slightly long piece instead. Only a single unit may exceed `hardMax`.
 */
function partition(units: Span[], opts: PackOptions): Span[] {
  const n = units.length;
  const best: number[] = new Array(n + 1).fill(Infinity);
  const cut: number[] = new Array(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = j - 1; i >= 0; i--) {
      const len = units[j - 1].end - units[i].start;
      if (len > opts.hardMax && j - i > 1) break; // longer ranges only grow
      const over = Math.max(0, len - opts.max);
      const cost = best[i] + (len - opts.target) ** 2 + 4 * over ** 2;
      if (cost < best[j]) {
        best[j] = cost;
        cut[j] = i;
      }
    }
  }
  const pieces: Span[] = [];
  for (let j = n; j > 0; j = cut[j]) pieces.push({ start: units[cut[j]].start, end: units[j - 1].end });
  return pieces.reverse();
}
