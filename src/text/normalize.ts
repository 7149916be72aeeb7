import { traditionalToSimplified } from './script.js';

/** Passage texts repeat on every question (clauses, sentences, labels); converting them once saves time and garbage. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/**
 * Canonical form used for matching (never for display): NFKC folds full-width letters,
 * digits and punctuation to half-width; traditional characters become simplified;
 * Latin letters are lower-cased; runs of white space collapse.
 */
export function normalizeForMatch(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    out = traditionalToSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
    if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded: questions are unbounded, passages are not
    cache.set(text, out);
  }
  return out;
}
