import { extractFigures } from './figures.js';
import { splitClauses } from './split-clauses.js';

/** One item of a "A、B、C分别增长X、Y、Z" list with the value the sentence gives it. */
export interface RespectivePair {
  item: string;
  verb: string;
  value: string;
}

/**
 * "制造业贷款、高技术产业贷款、专精特新中小企业贷款余额较年初": the words after the items' common
 * ending ("贷款") in the last item ("余额较年初") belong to every item.
 */
function spreadSharedTail(items: string[]): string[] {
  const first = items[0]!;
  const last = items[items.length - 1]!;
  for (let len = Math.min(first.length - 1, 6); len >= 2; len--) {
    const ending = first.slice(-len);
    if (!items.slice(1, -1).every((it) => it.endsWith(ending))) continue;
    const at = last.lastIndexOf(ending);
    if (at < 0 || at + len === last.length) continue;
    const tail = last.slice(at + len);
    return items.map((it, i) => (i === items.length - 1 ? it : `${it}${tail}`));
  }
  return items;
}

/**
 * Aligns the items before 分别 with the values after it. Returns null when the counts differ,
 * so a list is never mis-aligned.
 */
export function alignRespectively(sentence: string): RespectivePair[] | null {
  const at = sentence.indexOf('分别');
  if (at < 0) return null;
  // Items: the clause before 分别 (bracket-aware, so "（市、区）" is not an enumeration). When that clause
  // holds no 、 it is a measure shared by the items of the clause before it ("…投用,占全市比重分别达…").
  const clauses = splitClauses({ start: 0, end: at, text: sentence.slice(0, at) }).map((c) => c.text);
  let list = clauses.pop() ?? '';
  let sharedTail = '';
  if (!hasEnumeration(list) && clauses.length > 0) {
    sharedTail = list.trim();
    list = clauses.pop()!.replace(/[，,：:]$/, '');
  }
  if (!hasEnumeration(list)) return null;
  const items = spreadSharedTail(splitEnumeration(list));

  const after = sentence.slice(at + 2);
  const figures = extractFigures(after);
  if (figures.length < items.length) return null;
  const values = figures.slice(0, items.length);
  // The values must form one run joined by 、 or 和, with nothing else between them.
  for (let i = 1; i < values.length; i++) {
    const gap = after.slice(values[i - 1]!.end, values[i]!.start);
    if (!/^[、和及与,，]?$/.test(gap)) return null;
  }
  const verb = after.slice(0, values[0]!.start).trim();
  if (verb.length > 6) return null;
  return items.map((item, i) => ({ item: sharedTail ? `${item}${sharedTail}` : item, verb, value: values[i]!.value }));
}

function hasEnumeration(text: string): boolean {
  return splitEnumeration(text).length > 1;
}

/** Items of a 、 list, ignoring 、 inside brackets. */
function splitEnumeration(text: string): string[] {
  return splitClauses({ start: 0, end: text.length, text }, '、').map((c) => c.text.replace(/、$/, '').trim());
}
