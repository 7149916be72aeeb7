import type { QuestionAnalysis } from '../retrieve/analyze-question.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { TermStats } from './term-stats.js';

/**
 * Characters that turn a word into its opposite group when they stand first ("小班" / "大班", "初中" / "高中",
 * "出口" / "进口"): a passage naming the opposite group speaks of the other half, not of the one asked.
 */
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['大', '小'],
  ['高', '低'],
  ['高', '初'],
  ['上', '下'],
  ['男', '女'],
  ['内', '外'],
  ['进', '出'],
  ['新', '旧'],
  ['长', '短'],
  ['东', '西'],
  ['南', '北'],
];

function oppositesOf(term: string): string[] {
  const head = term[0]!;
  const rest = term.slice(1);
  return OPPOSITES.flatMap(([a, b]) => (head === a ? [b + rest] : head === b ? [a + rest] : []));
}

/**
 * A word of the question the answering sentence does not say, where the sentence says its opposite instead
 * ("幼儿园小班的保教费" → "学前教育大班免保教费"): the figure is the other group's. Returns the word asked.
 */
export function oppositeGroupNamed(sentenceText: string, analysis: QuestionAnalysis, stats: TermStats): string | undefined {
  if (analysis.script === 'en') return undefined;
  const sentence = normalizeForMatch(sentenceText);
  return analysis.contentTerms.find(
    (t) =>
      /^\p{Script=Han}{2,4}$/u.test(t) &&
      !stats.saidIn(t, sentence) &&
      oppositesOf(t).some((o) => sentence.includes(o) && !analysis.normalized.includes(o)),
  );
}
