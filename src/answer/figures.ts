import { boundedMemo } from '../text/bounded-memo.js';

/** A figure as the source writes it: qualifier, number and unit together ("超1300亿元", "5.5%左右"). */
export interface FigureSpan {
  value: string;
  start: number;
  end: number;
}

const PREFIX = '(?:不少于|不低于|不超过|超过|突破|接近|约|超|近|逾|达)?';
const ARABIC = '\\d+(?:\\.\\d+)?(?:[—–\\-~～]\\d+(?:\\.\\d+)?)?';
/** Round figures in words ("突破千亿", "超百亿元") count only with their qualifier: "两个千亿台阶" is a phrase, not a figure. */
const CHINESE = '(?:突破|超过|超|近|逾)[一二两三四五六七八九十百千]*[百千][万亿](?:元|美元)?';
/** Units after an optional magnitude (亿/万/千): "3570亿元", "3.7万名", "59万平方米", "1080元/月". */
const BASE_UNIT =
  '(?:个百分点|百分点|美元|元\\/月|元\\/年|元|斤|吨|人次|人|户|家|个|项|件|方|平方米\\/人|平方米|平方公里|公里|千米|米|亩|套|所|张|台|辆|座|条|处|场|支|名|岁|倍|' +
  '微克\\/立方米|千瓦|兆瓦|床|席|批|次|只|株)';
const UNIT = `(?:(?:亿|万|千)?${BASE_UNIT}|亿|万|千|%|‰)`;
const SUFFIX = '(?:[（(]\\p{Script=Han}{1,2}[)）])?(?:以上|以下|以内|左右|多|余)?'; // "290套(间)以上"

const FIGURE = new RegExp(`${CHINESE}|${PREFIX}${ARABIC}${UNIT}${SUFFIX}|${PREFIX}${ARABIC}${SUFFIX}`, 'gu');

/** Years, codes like "35X"/"4+3+X", list ordinals and quoted names are not figures. */
function isFigure(value: string, text: string, end: number): boolean {
  const next = text.slice(end, end + 2);
  if (/^(19|20)\d\d([—–\-](19|20)?\d\d)?$/.test(value) && /^[年—–\-]/.test(next)) return false;
  if (/^\d{4}年/.test(value) === false && /^(19|20)\d\d$/.test(value)) return false;
  if (/^[A-Za-z+”"]/.test(next)) return false;
  if (/^\d+$/.test(value) && /^[、.．]/.test(next)) return false;
  if (/^\d+$/.test(value) && !/^[年月日号]/.test(next)) return false; // a bare integer with no unit is not a stated figure
  return !/^(达|约|超|近)$/.test(value);
}

/**
 * Every figure in a text, in order; the spans index into the text so they can be highlighted in place.
 * Passage clauses are read on every question, so their figures are found once (frozen: the result is shared).
 */
export const extractFigures: (text: string) => readonly FigureSpan[] = boundedMemo(
  (text) => Object.freeze(findFigures(text).map((f) => Object.freeze(f))),
  20_000,
);

function findFigures(text: string): FigureSpan[] {
  const out: FigureSpan[] = [];
  for (const m of text.matchAll(FIGURE)) {
    let value = m[0];
    let start = m.index!;
    // "达" is a verb ("达114%"), not a qualifier worth keeping; the others change the meaning and stay.
    if (value.startsWith('达')) {
      value = value.slice(1);
      start += 1;
    }
    const end = start + value.length;
    const prev = text[start - 1] ?? '';
    if (/[\dA-Za-z]/.test(prev)) continue;
    if (!isFigure(value, text, end)) continue;
    out.push({ value, start, end });
  }
  return out;
}

/** A figure's amount without its qualifier and currency: "超30亿元" → "30亿", "超百亿元" → "百亿". */
export function amountOf(value: string): string {
  return value.replace(/^(?:超过|超|近|约|达|突破)/, '').replace(/(?:美元|元)$/, '');
}

/** The amounts a text states in digits and hundreds, thousands, ten-thousands or hundred-millions ("超30亿元" → "30亿"). */
export function statedAmounts(text: string): string[] {
  return extractFigures(text)
    .map((f) => amountOf(f.value.replace(/(?:以上|以下|左右|以内|多|余)$/, '')))
    .filter((a) => /^\d[\d.]*[百千万亿]+$/.test(a));
}

/** Bare numbers in a text (for the fidelity check: each must appear in a cited passage). */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:\.\d+)?/g) ?? [];
}
