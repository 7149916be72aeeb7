import { traditionalToSimplified } from './script.js';

/**
 * Canonical form used for matching (never for display): NFKC folds full-width letters,
 * digits and punctuation to half-width; traditional characters become simplified;
 * Latin letters are lower-cased; runs of white space collapse.
 */
export function normalizeForMatch(text: string): string {
  const nfkc = text.normalize('NFKC');
  return traditionalToSimplified(nfkc).toLowerCase().replace(/\s+/g, ' ').trim();
}
