import type { AnswerResult, Citation } from '../answer/types.js';
import { traditionalToSimplified } from '../text/script.js';
import { squash, type GoldItem } from './gold.js';

/** How many of the top citations may hold the gold quote for the citation to count as correct. */
export const CITATION_DEPTH = 3;

/**
 * The answer as compared with gold strings: NFKC, no white space, and in simplified characters
 * (a question in traditional Chinese is answered in traditional; gold strings are as the source writes them).
 * Applied to both sides, so a simplified character that the conversion touches cannot cause a miss.
 */
export function comparable(answer: string): string {
  return squash(traditionalToSimplified(answer.normalize('NFKC')));
}

/** Expected strings the answer does not contain verbatim. */
export function missingExpected(item: GoldItem, answer: string): string[] {
  const got = comparable(answer);
  return item.expect.filter((e) => !got.includes(comparable(e)));
}

/** Whether passage text holds the gold quote (the quote is one passage's text, possibly shortened). */
export function holdsQuote(passage: string, quote: string): boolean {
  return comparable(passage).includes(comparable(quote));
}

/** Every gold quote stands in one of the top citations. */
export function citationCorrect(item: GoldItem, citations: Pick<Citation, 'text'>[]): boolean {
  const top = citations.slice(0, CITATION_DEPTH);
  return item.sources.every((s) => top.some((c) => holdsQuote(c.text, s.quote)));
}

/** 1-based rank of the first passage holding a gold quote (0 when none does). */
export function firstRelevantRank(item: GoldItem, ranked: { text: string }[]): number {
  const i = ranked.findIndex((p) => item.sources.some((s) => holdsQuote(p.text, s.quote)));
  return i + 1;
}

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Numbers of the answer that none of its citations states: numeric fidelity requires none.
 * Citation markers ("[2]") are references, not figures; a citation's title and section path are
 * source text as much as its passage.
 */
export function unsupportedNumbers(result: Pick<AnswerResult, 'answer' | 'citations'>): string[] {
  const text = result.answer.normalize('NFKC').replace(/\[\d+\]/g, '');
  const cited = new Set(
    result.citations.flatMap((c) => `${c.docTitle}\n${c.section}\n${c.text}`.normalize('NFKC').match(NUMBER) ?? []),
  );
  return [...new Set(text.match(NUMBER) ?? [])].filter((n) => !cited.has(n));
}
