import type { TimeScope } from './types.js';

/**
 * Lead phrases that date a passage, in canonical output order. They are matched against headings
 * and the first sentence of a paragraph only: the subject of a passage is set by how it opens,
 * while figures inside it often compare with other periods ("较“十三五”末增长…").
 */
const MARKERS: ReadonlyArray<readonly [TimeScope, RegExp]> = [
  ['y2025', /过去一年|一年来|2025年|去年/],
  ['fyp14', /五年来|十四五|第十四个五年/],
  ['y2026', /今年|2026年/],
  ['fyp15', /未来五年|十五五|第十五个五年|2030年/],
];

/** Periods named in a heading or lead sentence, in canonical order (y2025, fyp14, y2026, fyp15). */
export function scopesIn(text: string): TimeScope[] {
  return MARKERS.filter(([, re]) => re.test(text)).map(([scope]) => scope);
}

/**
 * Headings that analyse the situation a plan starts from ("“十五五”机遇挑战", "发展基础"): the period they name is
 * the one prepared for, while their facts ("拥有规上工业企业1894家") are those of now, the end of 十四五.
 */
const SITUATION_HEADING = /机遇|挑战|形势|发展基础|现状/;

/** Scope of the innermost heading of `path` that names a period, else `fallback`. */
export function scopeOfPath(path: readonly string[], fallback: TimeScope[] = []): TimeScope[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const found = scopesIn(path[i]);
    if (found.length > 0) return SITUATION_HEADING.test(path[i]!) && !found.includes('fyp14') ? [...found, 'fyp14'] : found;
  }
  return [...fallback];
}

/**
 * Narrows a part that covers several periods (the report's "2025年及“十四五”工作回顾") to what one
 * paragraph's lead sentence names. Returns null when the lead names none of the part's periods.
 */
export function narrowByLead(partScopes: readonly TimeScope[], lead: string): TimeScope[] | null {
  const named = scopesIn(lead).filter((s) => partScopes.includes(s));
  return named.length > 0 ? named : null;
}
