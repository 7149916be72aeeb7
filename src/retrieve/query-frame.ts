import type { Region, TimeScope } from '../ingest/types.js';

/** The year, area and document a question is about: used to boost passages and to frame follow-ups. */
export interface QueryFrame {
  timeScopes: TimeScope[];
  region?: Region;
  docIds: string[];
  /** Four-digit years named in the question (2019, 2030 …), to notice years the documents do not cover. */
  years: number[];
}

const TIME_PATTERNS: [TimeScope, RegExp][] = [
  ['y2025', /2025|去年|过去一年|上一年|上年度|last year|past year/],
  ['y2026', /2026|今年|本年度|当年目标|this year|current year/],
  ['fyp15', /2030|十五五|未来五年|到期末|十五五末|15th five|fifteenth five|next five years|coming five years|five-year plan|规划纲要|纲要/],
  ['fyp14', /十四五|过去五年|五年来|前五年|14th five|fourteenth five|past five years|last five years/],
];

const REGION_CETDZ = /经开区|经济开发区|经济技术开发区|开发区|development zone|cetdz/;

const DOC_PATTERNS: [string, RegExp][] = [
  ['work-report-2026', /政府工作报告|工作报告|work report|government report/],
  ['plan-15th-fyp', /规划纲要|纲要|五年规划|five-year plan|fyp|outline/],
];

/** Asking for a target means the plans (this year's and the five-year one), not past results. */
const TARGET_WORDS = /目标|预期|计划|力争|将要|打算|target|goal|plan to|planned|will /;

/** Reads the frame off a normalised (simplified, lower-cased) question. */
export function detectFrame(normalized: string): QueryFrame {
  let timeScopes = TIME_PATTERNS.filter(([, re]) => re.test(normalized)).map(([scope]) => scope);
  if (timeScopes.length === 0 && TARGET_WORDS.test(normalized)) timeScopes = ['y2026', 'fyp15'];
  const years = [...normalized.matchAll(/(?<![\d.])((?:19|20)\d\d)(?![\d.%])/g)].map((m) => Number(m[1]));
  return {
    timeScopes,
    region: REGION_CETDZ.test(normalized) ? 'cetdz' : undefined,
    docIds: DOC_PATTERNS.filter(([, re]) => re.test(normalized)).map(([id]) => id),
    years: [...new Set(years)],
  };
}

/** A follow-up keeps the earlier frame wherever it says nothing new. */
export function inheritFrame(current: QueryFrame, earlier: QueryFrame): QueryFrame {
  return {
    timeScopes: current.timeScopes.length > 0 ? current.timeScopes : earlier.timeScopes,
    region: current.region ?? earlier.region,
    docIds: current.docIds.length > 0 ? current.docIds : earlier.docIds,
    years: current.years.length > 0 || current.timeScopes.length > 0 ? current.years : earlier.years,
  };
}

export function frameIsEmpty(f: QueryFrame): boolean {
  return f.timeScopes.length === 0 && !f.region && f.docIds.length === 0 && f.years.length === 0;
}
