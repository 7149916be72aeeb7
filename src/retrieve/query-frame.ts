import type { Region, TimeScope } from '../ingest/types.js';
import { withoutBase } from './comparison-base.js';

/** The year, area and document a question is about: used to boost passages and to frame follow-ups. */
export interface QueryFrame {
  timeScopes: TimeScope[];
  region?: Region;
  docIds: string[];
  /** Four-digit years named in the question (2019, 2030 …), to notice years the documents do not cover. */
  years: number[];
  /** True when the period was inferred from words like 目标 rather than named: a preference, not a filter. */
  timeInferred: boolean;
}

const TIME_PATTERNS: [TimeScope, RegExp][] = [
  ['y2025', /2025|去年|过去一年|上一年|上年度|last year|past year/],
  ['y2026', /2026|今年|本年度|当年目标|this year|current year/],
  ['fyp15', /2030|十五五|未来(?:这)?五年|(?:往后|今后|接下来|以后)(?:的|这)?五年|五年(?:以)?后|到期末|规划期末|十五五末|15th five|fifteenth five|next five years|coming five years/],
  ['fyp14', /十四五|过去(?:这|的)?五年|(?:这|近|前)五年|五年来|五年下来|过去(?:这)?几年|这几年|前几年|(?:较|比|和|与|跟|同)“?十三五”?末|14th five|fourteenth five|past five years|last five years/],
];

const REGION_CETDZ = /经开区|经济开发区|经济技术开发区|开发区|development zone|cetdz/;
const REGION_WUJIN = /武进区?(?!经开区|经济开发区)|\bwujin\b/;

const DOC_PATTERNS: [string, RegExp][] = [
  ['work-report-2026', /政府工作报告|工作报告|work report|government report/],
  ['plan-15th-fyp', /规划纲要|纲要|(?<!十四个)五年规划|(?<!14th |fourteenth )five-year plan|outline/],
];

/** Document names: they choose a document, not a period ("十五五规划纲要里的十四五成效" asks about 十四五). */
const DOC_NAMES = /[“"]?十[四五]五[”"]?(?:规划纲要|规划|纲要)|规划纲要|纲要|政府工作报告|工作报告|(?:15th|fifteenth) five-year plan(?: outline)?|five-year plan outline|work report|government report/g;

/**
 * "…的数据包不包括常州经开区？", "do the figures include the development zone?": the zone is what is asked
 * about (the documents' notes on what their figures cover), not the area the figures are for.
 */
const ZONE_SCOPE = /(?:包不包括|包括不包括|包不包含|含不含|包含不包含|算不算|算进去|算在内|计入|是否(?:包括|包含|含)|(?:包括|包含|含)[^，。？?]{0,8}吗|口径).*(?:经开区|经济开发区)|(?:经开区|经济开发区).*(?:算不算|算进去|算在内|计入|口径)|\b(?:include|includes|including|cover|covers|count|counted)\b.*\b(?:development zone|cetdz)\b/;
export function asksZoneScope(question: string): boolean {
  return ZONE_SCOPE.test(question);
}

/** "不含经开区": the district without the zone, not the zone. */
const ZONE_EXCLUDED = /(?:不含|不包括|不包含|除去?|扣除|剔除)[“"]?(?:常州)?(?:经开区|经济开发区)|(?:excluding|without|except|except for|not counting|not including|other than|outside) (?:the )?(?:changzhou )?(?:economic )?development zone/g;

/** The plan periods written as year spans ("2021-2025", "2026—2030年") are the periods, not their first and last years. */
const PERIOD_SPANS: [RegExp, string][] = [
  [/2021\s*年?\s*(?:[-–—~～至到]|to)\s*2025年?/g, '十四五'],
  [/2026\s*年?\s*(?:[-–—~～至到]|to)\s*2030年?/g, '十五五'],
];

/** "现在", "目前": the latest results the documents give (2025, the end of 十四五), unless a target is asked. */
const NOW_WORDS = /现在|目前|当前|如今|眼下|currently|at present|right now|\bnow\b|today/;

const RELATIVE_YEARS: [RegExp, number][] = [
  [/大前年/, 2023],
  [/(?<!大)前年/, 2024],
  [/明年|next year/, 2027],
  [/(?<!大)后年/, 2028],
];

/** Asking for a target means the plans (this year's and the five-year one), not past results. */
const TARGET_WORDS = /目标|预期(?!寿命)|计划|力争|将要|打算|target|goal|plan to|planned|will /;

/** Reads the frame off a normalised (simplified, lower-cased) question. */
export function detectFrame(question: string): QueryFrame {
  const docIds = DOC_PATTERNS.filter(([, re]) => re.test(question)).map(([id]) => id);
  let normalized = question.replace(DOC_NAMES, ' ').replace(ZONE_EXCLUDED, ' ');
  for (const [span, period] of PERIOD_SPANS) normalized = normalized.replace(span, period);
  // "“十五五”这五年", "十五五末这五年": the named period, not 这五年 on its own (which means the past five years).
  normalized = normalized.replace(/(十[三四五]五”?(?:末|期末|期间|时期)?)(?:这|那)[五几]年/g, '$1');
  let timeScopes = TIME_PATTERNS.filter(([, re]) => re.test(normalized)).map(([scope]) => scope);
  // "今年新增多少？十五五规划里平均每年新增多少？": a part naming the plan and no period of its own asks for the plan's period.
  if (planPartWithoutPeriod(question) && !timeScopes.includes('fyp15')) timeScopes.push('fyp15');
  const timeInferred = timeScopes.length === 0 && TARGET_WORDS.test(normalized);
  if (timeInferred) timeScopes = ['y2026', 'fyp15'];
  else if (timeScopes.length === 0 && NOW_WORDS.test(normalized)) timeScopes = ['y2025', 'fyp14'];
  // "和2020年比", "较2020年": a base year of a comparison, not the year asked about.
  const unbased = withoutBase(normalized);
  const years = [...unbased.matchAll(/(?<![\d.])((?:19|20)\d\d)(?![\d.%])/g)].map((m) => Number(m[1]));
  // 十三五 (2016–2020), unless it is the base of a comparison: a period the documents report no figures for.
  if (/十三五/.test(unbased)) years.push(2020);
  // Relative years, counted from the documents' "this year" (2026): 前年 is 2024, 明年 2027, 后年 2028.
  for (const [word, year] of RELATIVE_YEARS) if (word.test(normalized)) years.push(year);
  return {
    timeScopes,
    // Naming the district (without the zone) says so explicitly, so that a follow-up does not keep an earlier zone.
    region: asksZoneScope(question) ? undefined : REGION_CETDZ.test(normalized) ? 'cetdz' : REGION_WUJIN.test(normalized) ? 'wujin' : undefined,
    docIds,
    years: [...new Set(years)],
    timeInferred,
  };
}

/**
 * The 十五五 plan named by its period ("十五五规划"), in a question sentence that asks and names no period besides,
 * or that asks how another period's figure compares with the plan's ("今年的要求和十五五规划里的说法一致吗").
 */
const PLAN_BY_PERIOD = /[“"]?十五五[”"]?(?:规划纲要|规划|纲要)/;
const COMPARES = /一致|一样|相同|不同|区别|差别|差异|对得上/;
function planPartWithoutPeriod(question: string): boolean {
  return question
    .split(/[？?。]/)
    .some((part) => PLAN_BY_PERIOD.test(part) && PART_ASKS.test(part) && (COMPARES.test(part) || !TIME_PATTERNS.some(([, re]) => re.test(part.replace(PLAN_BY_PERIOD, ' ')))));
}
/** A part that asks something ("…平均每年新增多少"), not a remark on the documents ("规划纲要说的好像不一样"). */
const PART_ASKS = /多少|几|什么|哪|呢|吗|\b(?:how|what|which)\b/;

/**
 * Periods that answer for each other: 2025 is the last year of 十四五, so the period's end levels are 2025's;
 * a 十五五 question may be answered by this year's first steps, but a 2030 target is not this year's target.
 */
const OVERLAPPING: Record<TimeScope, TimeScope[]> = {
  y2025: ['y2025', 'fyp14'],
  fyp14: ['fyp14', 'y2025'],
  y2026: ['y2026'],
  fyp15: ['fyp15', 'y2026'],
};

/** Whether a passage about `scopes` can answer a question about the frame's period (no period on either side: yes). */
export function timeCompatible(frame: QueryFrame, scopes: readonly TimeScope[]): boolean {
  if (frame.timeScopes.length === 0 || scopes.length === 0) return true;
  return frame.timeScopes.some((t) => OVERLAPPING[t].some((o) => scopes.includes(o)));
}

/** A follow-up keeps the earlier frame wherever it says nothing new. */
export function inheritFrame(current: QueryFrame, earlier: QueryFrame): QueryFrame {
  const currentNamesPeriod = current.timeScopes.length > 0 && !current.timeInferred;
  const useEarlierTime = !currentNamesPeriod && earlier.timeScopes.length > 0;
  return {
    timeScopes: useEarlierTime ? earlier.timeScopes : current.timeScopes,
    region: current.region ?? earlier.region,
    docIds: current.docIds.length > 0 ? current.docIds : earlier.docIds,
    years: current.years.length > 0 || current.timeScopes.length > 0 ? current.years : earlier.years,
    timeInferred: useEarlierTime ? earlier.timeInferred : current.timeInferred,
  };
}

export function frameIsEmpty(f: QueryFrame): boolean {
  return f.timeScopes.length === 0 && !f.region && f.docIds.length === 0 && f.years.length === 0;
}
