/**
 * The base of a comparison ("较2020年", "跟“十三五”末相比"): a change is measured from it, so a question that
 * names one is answered by the change from that base, not by a change from another one or a yearly average.
 * Nor is the base the year asked about, and its "和/与" joins no two things asked.
 */
const PERIOD_END: Record<string, string> = { 十三五: '2020', 十四五: '2025' };
const BASE = /(?:和|与|跟|较|比|同|相比)[“"]?((?:19|20)\d\d|十[三四]五)[”"]?年?(?:末|底)?(?:相比|比较|相较|比)?/gu;

function basesIn(text: string): string[] {
  return [...text.matchAll(BASE)].map((m) => PERIOD_END[m[1]!] ?? m[1]!);
}

/** The base a normalised question compares with, if it names one. */
export function askedBase(question: string): string | undefined {
  return basesIn(question)[0];
}

/** The text without its comparison bases. */
export function withoutBase(text: string): string {
  return text.replace(BASE, ' ');
}

const OTHER_BASE = 0.7;
const NO_BASE = 0.9;

/** How well a sentence's comparison answers one from `base`: its own base, another base, or none said. */
export function baseFit(base: string | undefined, sentence: string): number {
  if (base === undefined) return 1;
  const bases = basesIn(sentence);
  return bases.includes(base) ? 1 : bases.length > 0 ? OTHER_BASE : NO_BASE;
}
