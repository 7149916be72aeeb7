import { boundedMemo } from './bounded-memo.js';
import { traditionalToSimplified } from './script.js';

/**
 * Canonical form used for matching (never for display): NFKC folds full-width letters,
 * digits and punctuation to half-width; traditional characters become simplified, and the corner
 * quotes of Taiwan and Hong Kong (「十四五」) the documents' quotes (“十四五”);
 * Latin letters are lower-cased; runs of white space collapse.
 */
export const normalizeForMatch: (text: string) => string = boundedMemo(
  // Cached: passage texts (clauses, sentences, labels) are normalised on every question.
  (text) => traditionalToSimplified(text.normalize('NFKC')).replace(/[「『]/g, '“').replace(/[」』]/g, '”').toLowerCase().replace(/\s+/g, ' ').trim(),
  50_000,
);
