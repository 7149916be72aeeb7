import type { Chunk, DocumentEntry, TimeScope } from '../ingest/types.js';
import { AGE_GROUP, analyzeQuestion, termFactor, type ChatTurn, type QuestionAnalysis } from '../retrieve/analyze-question.js';
import { detectFrame, timeCompatible } from '../retrieve/query-frame.js';
import type { Retriever, ScoredChunk } from '../retrieve/retriever.js';
import { headingText } from '../index/lexical-index.js';
import { boundedMemo } from '../text/bounded-memo.js';
import { baseFit } from '../retrieve/comparison-base.js';
import { UNREPORTED_TERMS, chineseTermsFor, phrasePlaces } from '../text/english-glossary.js';
import { normalizeForMatch } from '../text/normalize.js';
import { simplifiedToTraditional } from '../text/script.js';
import { synonymsIn } from '../text/synonyms.js';
import { composeFound, composeNotFound, type Statement } from './compose.js';
import { COVERED_YEARS, partOfYearUnstated, placeMissing, refuseBeforeRetrieval, uncoveredYear, type RefusalReason } from './out-of-scope.js';
import { amountOf, extractFigures, numbersIn } from './figures.js';
import { askedMeasures, asksRank, rateUnsaid, rankScopeFits, statesRank, countedNoun, countsNoun, figureMeasure, fitsAny, withRowUnit, type AskedMeasure } from './measure-fit.js';
import { oppositeGroupNamed } from './opposite-group.js';
import { alignRespectively, type RespectivePair } from './respectively.js';
import { asksSeveral, CONTINUATION, selectPassages, TIME_EXPRESSION, WHEN_QUESTION, type Selection } from './select-passage.js';
import { trimPunctuation } from './split-clauses.js';
import type { TermStats } from './term-stats.js';
import type { AnswerResult, Citation, DeclineCheck, Figure, RankedPassage } from './types.js';

/** Below this share of the question's topic found in the best passage, the documents do not answer it. */
export const MIN_COVERAGE = 0.5;
/** …and at least this share must stand in the answering clause itself, not merely nearby. */
export const MIN_GROUP_COVERAGE = 0.4;
/** A second document's statement is shown beside the first when it covers the question nearly as well. */
const CONFLICT_RATIO = 0.75;
const RETRIEVE_K = 12;
/** The top lexical passages always reach clause selection, even when fusion ranks them lower. */
const LEXICAL_KEEP = 5;
const RELATED_ON_REFUSAL = 3;
const COUNT_QUESTION = /多少|(?<!哪)几[个家项所万亿人次名座条]|how many|how much/;
/** A question for a day or a month ("哪天开业", "几月份", "what date") is not answered by a sentence without one. */
const DATE_QUESTION = /哪一?天|几号|几月|哪个月|什么日期|具体日期|\b(?:what date|which day|which month|on what day)\b/;
const DAY_OR_MONTH = /\d{1,2}月|\d{1,2}[日号]|[一二三四五六七八九十]{1,2}月|[上中下]旬|季度/;

export interface AnswerContext {
  retriever: Retriever;
  stats: TermStats;
  documents: Map<string, DocumentEntry>;
  /** All passage text, normalised: to tell a place the documents never name. */
  corpusText: string;
}

export interface AnswerOptions {
  history?: ChatTurn[];
  docs?: string[];
  /** Also return the ranked passages with their scores. */
  explain?: boolean;
}

/** Scores are shown to three decimals. */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

function citationOf(hit: ScoredChunk, docs: Map<string, DocumentEntry>): Citation {
  const m = hit.chunk.metadata;
  return {
    chunkId: m.id,
    docId: m.docId,
    docTitle: docs.get(m.docId)?.title ?? m.docTitle,
    section: m.section.join(' > '),
    text: hit.chunk.pageContent,
    start: m.start,
    end: m.end,
    score: roundScore(hit.score),
  };
}

/** Offset just after the last clause delimiter before `at` (0 when none). */
function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (/[，,；;。！？!?]/.test(text[i]!)) return i + 1;
  return 0;
}

/** Offset of the next clause delimiter at or after `at` (the text's length when none). */
function nextStop(text: string, at: number): number {
  const m = /[，,；;。！？!?、]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/**
 * The figures of a selection that belong to what was asked: those whose own label (the words since the
 * previous figure) names the most question weight; a figure that follows them without a label of its
 * own ("…超1300亿元、占集群比重62%") goes with them. A question asking for several things ("电梯更新多少台、
 * 停车泊位新增多少个") gets the figure of each part: labels naming question words the first ones do not.
 */
function relevantFigures(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string[] {
  return figuresAsked(sel, analysis, stats).values;
}

/**
 * Whether the question states a figure, whole or as its amount ("百亿级" states "超百亿元", "50亿" states "超50亿元").
 * An English question states a count by its number alone ("of the 41 industrial major categories" states "41个").
 */
function statesFigure(asked: string, value: string, english: boolean): boolean {
  const figure = normalizeForMatch(value);
  const amount = amountOf(figure);
  if (asked.includes(figure) || (/[百千万亿]/.test(amount) && asked.includes(amount))) return true;
  const count = english && figureMeasure(figure)?.kind === 'count' ? /^\d+/.exec(figure)?.[0] : undefined;
  return count !== undefined && new RegExp(`(?<![\\d.])${count}(?![\\d.%])`).test(asked);
}

/**
 * The figures asked about, and the question weight their best label names (0: no label names anything asked).
 * `otherSubject`: the labels of the figures chosen name a subject of their own and, of the question, only words for
 * a kind of quantity ("增长"), while the question's heaviest word for a subject labels a figure of another kind
 * ("地区生产总值3570亿元、…规上服务业营收增长10.5%" for the growth of GDP).
 */
function figuresAsked(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): FiguresAsked {
  // Several checks, the citation order and the statements all ask this of the same selections; a selection belongs
  // to one question, so its reading is kept with it.
  let read = figuresRead.get(sel);
  if (!read) figuresRead.set(sel, (read = readFiguresAsked(sel, analysis, stats)));
  return read;
}

interface FiguresAsked {
  values: string[];
  labelWeight: number;
  otherSubject: boolean;
}

const figuresRead = new WeakMap<Selection, FiguresAsked>();

function readFiguresAsked(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): FiguresAsked {
  const text = sel.hit.chunk.pageContent;
  const all = sel.figures;
  const asked = analysis.normalized;
  const terms = analysis.contentTerms;
  const weights = terms.map((t) => stats.weight(t) * termFactor(analysis, t));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const measures = askedMeasures(asked);
  const anyFits = all.some((f) => fitsAny(measures, f.value));
  const namedIn = (label: string) => new Set(terms.flatMap((t, i) => (stats.namedBy(t, label) ? [i] : [])));
  let previous = new Set<number>();
  // A figure the question itself states ("营收超千亿的…几家") is the question's condition, not its answer.
  // (An English question states its amounts in words; its match text has them as the documents write them.)
  const statedIn = analysis.script === 'en' ? `${asked} ${analysis.matchText}` : asked;
  const stated = all.map((f) => statesFigure(statedIn, f.value, analysis.script === 'en'));
  const otherKind = all.map((f) => anyFits && !fitsAny(measures, f.value));
  const labelStarts: number[] = [];
  const named = all.map((f, i) => {
    // A label reaches back to the previous figure, but not past the start of the figure's clause.
    // (An indicator row is one label: its name.) A stated figure right before, or one of another kind than
    // asked, is part of the label: "年营业收入超千亿企业2家" counts 超千亿 companies, "超百亿元或10亿美元项目3个"
    // counts 超百亿元 projects.
    const clause = sel.hit.chunk.metadata.kind === 'indicator' ? 0 : clauseStart(text, f.start);
    const previousEnd = i === 0 ? sel.group.start : stated[i - 1] || otherKind[i - 1] ? labelStarts[i - 1]! : all[i - 1]!.end;
    const from = Math.max(sel.group.start, previousEnd, clause);
    labelStarts.push(from);
    const raw = text.slice(from, f.start).replace(/^[、，,；\s]+/, '');
    // What follows a figure up to the next stop names it too ("具备3000个机架的智算服务能力", "229项“三级联动”改革任务").
    const after = sel.hit.chunk.metadata.kind === 'indicator' ? '' : text.slice(f.end, Math.min(nextStop(text, f.end), all[i + 1]?.start ?? text.length));
    // "…2285家、较“十三五”末增长133.6%": a label without a subject of its own continues the previous one.
    const own = namedIn(normalizeForMatch(raw + after));
    const terms = CONTINUATION.test(raw) ? new Set([...previous, ...own]) : own;
    previous = terms;
    // A figure the question states, or a quantity of another kind than asked ("多少个" → not "4.9亿美元"), is not the answer.
    return { terms, label: raw + after, continues: CONTINUATION.test(raw) && own.size === 0, isCondition: stated[i]! || otherKind[i]! };
  });
  const weightOf = (set: Set<number>) => [...set].reduce((sum, i) => sum + weights[i]!, 0);
  // Continuations are discounted slightly so that they win only by naming something more of the question.
  // A count whose label holds the amount the question states counts what was asked: "超百亿企业15家", not
  // "超千亿企业2家", for firms over 10 billion.
  const conditionOf = all.map((f, i) => all.findIndex((g, j) => stated[j]! && g.start >= labelStarts[i]! && g.end <= f.start));
  const meetsCondition = conditionOf.map((j) => j >= 0);
  const labelWeight = named.map((n, i) =>
    n.isCondition ? -1 : (n.continues ? weightOf(n.terms) * 0.9 : weightOf(n.terms)) + (meetsCondition[i]! && n.terms.size > 0 ? total : 0),
  );
  const best = Math.max(0, ...labelWeight);
  if (best === 0) return { values: all.filter((_, i) => labelWeight[i] === 0).map((f) => f.value), labelWeight: 0, otherSubject: false };
  const chosen = new Set(all.flatMap((_, i) => (labelWeight[i] === best ? [i] : [])));
  // A question in several parts, each under an amount it states ("3000万元以上的…多少个？其中超30亿元的有几个？"),
  // is answered under each amount: the best figure counting under every stated amount not yet answered joins.
  if (asksSeveral(asked)) {
    for (const j of new Set(conditionOf.filter((j) => j >= 0))) {
      if ([...chosen].some((i) => conditionOf[i] === j)) continue;
      const under = all.map((_, i) => i).filter((i) => conditionOf[i] === j && labelWeight[i]! > 0);
      const top = under.sort((a, b) => labelWeight[b]! - labelWeight[a]!)[0];
      if (top !== undefined) chosen.add(top);
    }
  }
  const covered = new Set([...chosen].flatMap((i) => [...named[i]!.terms]));
  // Once the stated amount picks a figure, a figure counting under another amount answers nothing asked.
  const conditioned = [...chosen].some((i) => meetsCondition[i]);
  for (;;) {
    let pick = -1;
    let gain = 0;
    named.forEach((n, i) => {
      if (chosen.has(i) || n.isCondition || (conditioned && !meetsCondition[i])) return;
      // Only what this question names adds a figure; terms carried over from earlier turns do not.
      const extra = weightOf(new Set([...n.terms].filter((t) => !covered.has(t) && termFactor(analysis, terms[t]!) === 1)));
      if (extra > gain) [pick, gain] = [i, extra];
    });
    if (pick < 0 || gain < 0.2 * total) break;
    chosen.add(pick);
    for (const t of named[pick]!.terms) covered.add(t);
  }
  // The heaviest word naming a subject: "增速" weighs more than "GDP" but names only a kind of quantity.
  const heaviest = weights.reduce((top, w, t) => (termFactor(analysis, terms[t]!) === 1 && !GENERIC_MEASURE.test(terms[t]!) && w > (weights[top] ?? 0) ? t : top), -1);
  const otherSubject =
    heaviest >= 0 &&
    named.some((n, i) => otherKind[i]! && n.terms.has(heaviest)) &&
    [...chosen].every((i) => [...named[i]!.terms].every((t) => GENERIC_MEASURE.test(terms[t]!)) && hasOwnSubject(named[i]!.label, terms, stats));
  return { values: all.filter((_, i) => chosen.has(i)).map((f) => f.value), labelWeight: best, otherSubject };
}

/** Words that say how a figure changes or stands, not what it is of ("年均增长", "预计完成"). */
const NOT_SUBJECT = /年均|同比|分别|增长|增速|增幅|提高|提升|下降|减少|增加|达到|实现|完成|预计|全年|超过|突破|[达超近约为至到在的了和及、，,；;\s“”"]/g;

/** Whether a label names a thing besides the question's words and words of change: "规上服务业营收增长" does, "年均增长" does not. */
function hasOwnSubject(label: string, terms: string[], stats: TermStats): boolean {
  const words = terms.flatMap((t) => [t, ...stats.variants(t)]);
  const rest = words.reduce((text, w) => text.replaceAll(w, ' '), normalizeForMatch(label)).replace(NOT_SUBJECT, '');
  return /\p{Script=Han}{2}/u.test(rest);
}

/**
 * "户籍人口目前有多少": a level, not a change. A figure the documents give as a change ("年均减少4000人") does not
 * answer it, unless the question asks about change itself.
 */
const LEVEL_WORDS = /目前|现在|如今|现有|总数|总共|一共|总量|\b(?:currently|at present|presently|right now|nowadays|in total|altogether|total number)\b/;
const CHANGE_WORDS = /增加|减少|增长|下降|新增|每年|年均|增速|增幅|多了|少了|涨|降|变化|\b(?:grow|growth|increase|decrease|fall|rise|per year|each year|annual)/;
const CHANGE_BEFORE = /(?:增加|减少|增长|下降|提高|降低)(?:了)?$/;

function changeForLevel(sel: Selection, question: string, values: () => string[]): boolean {
  if (!LEVEL_WORDS.test(question) || CHANGE_WORDS.test(question)) return false;
  // An age ("18-59岁户籍人口") says whom a figure counts; it is not the amount.
  return writtenAsChange(sel, values(), (v) => !v.endsWith('岁'));
}

/**
 * "占比多少", "what share of GDP": a share, not a rate of growth. A percentage the documents give as a change
 * ("营收增长10.5%") does not answer it, unless the question asks about change itself.
 */
const SHARE_ASKED = /占比|比重|比例|占(?:了|到)?(?:多少|几成|多大|百分之)|\bwhat (?:share|proportion|percentage) of\b|\bas a (?:share|proportion|percentage) of\b/;

function changeForShare(sel: Selection, question: string, values: () => string[]): boolean {
  if (!SHARE_ASKED.test(question) || CHANGE_WORDS.test(question)) return false;
  return writtenAsChange(sel, values(), (v) => figureMeasure(v)?.kind === 'percent');
}

/** Whether the figures given for the question (those `counts` keeps) are all written as a change ("增长4.5%"). */
function writtenAsChange(sel: Selection, values: string[], counts: (value: string) => boolean): boolean {
  const text = sel.hit.chunk.pageContent;
  const given = sel.figures.filter((f) => values.includes(f.value) && counts(f.value));
  return given.length > 0 && given.every((f) => CHANGE_BEFORE.test(text.slice(Math.max(0, f.start - 6), f.start)));
}

/**
 * "民生领域支出占一般公共预算支出的80%以上" gives a share of the budget expenditure, not the expenditure: a clause whose
 * share has the asked thing only as its whole (after 占) does not answer how much of it there is, nor, when a share is
 * asked, the share the thing itself takes ("规上服务业营收占GDP的比重" is not "生产性服务业占规上服务业营收比重").
 */
function shareOfAsked(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): boolean {
  const clause = normalizeForMatch(sel.group.text);
  const share = /([^，,；;。]*?)占([^，,；;。]{1,24}?)(?:的)?(?:比重|比例|份额|\d)/.exec(clause);
  if (!share) return false;
  const part = share[1]!;
  const whole = share[2]!;
  // What the question asks about: the part before its own 占 when it asks a share ("在全市的占比" names no part), without
  // the place a share is taken in ("在整个集群里占多大比重": the cluster is the whole).
  const question = analysis.normalized;
  const asked = (SHARE_ASKED.test(question) || /占(?!比)/.test(question) ? (/(.*?)占(?!比)/.exec(question)?.[1] ?? '') : question).replace(/在[^，,。？?]{1,12}?(?:里|中|内|的)/g, ' ');
  const own = analysis.contentTerms.filter((t) => !analysis.contextTerms.includes(t) && asked.includes(t));
  if (own.length > 0 && own.every((t) => !stats.saidIn(t, part)) && own.some((t) => stats.saidIn(t, whole))) return true;
  // The whole the question takes the share of ("服务业占GDP比重") must be the clause's whole: a share of 服务业增加值 is not one of GDP.
  const askedWhole = /占(?!比)(.{1,16}?)(?:的)?(?:比重|比例|份额|多少|几成|多大|百分)/.exec(question)?.[1] ?? '';
  const wholeTerms = analysis.contentTerms.filter((t) => !analysis.contextTerms.includes(t) && askedWhole.includes(t));
  return wholeTerms.length > 0 && wholeTerms.every((t) => !stats.saidIn(t, whole));
}

/**
 * Whether the selection's figures are the kind of quantity the question asks for ('quantity-kind' when not:
 * another unit, or a change for a level), and of the thing it counts ('counted-thing' when not).
 */
function measureMismatch(sel: Selection, analysis: QuestionAnalysis, measures: AskedMeasure[], ctx: AnswerContext): DeclineCheck | undefined {
  const question = analysis.normalized;
  // The figures asked about are read only by the checks that need them (and once: figuresAsked keeps its reading).
  const figures = () => figuresAsked(sel, analysis, ctx.stats);
  const asked = () => figures().values;
  if (changeForLevel(sel, question, asked) || changeForShare(sel, question, asked) || shareOfAsked(sel, analysis, ctx.stats)) return 'quantity-kind';
  if (measures.length === 0 || sel.figures.length === 0) return undefined;
  const values = asked();
  // The asked thing's figure here is of another kind, and the figure of the asked kind is another thing's.
  if (figures().otherSubject) return 'quantity-kind';
  const unit = sel.hit.chunk.metadata.indicator?.unit;
  if (!values.some((v) => fitsAny(measures, withRowUnit(v, unit)))) return 'quantity-kind';
  const noun = countedNoun(question);
  // A colloquial word the documents never use ("孩子") cannot be checked against their labels.
  if (!noun || !ctx.corpusText.includes(noun)) return undefined;
  // The documents' own words for the thing count it too ("公共泊位" for "公共停车位").
  const forms = [noun, ...ctx.stats.variants(noun), ...synonymsIn(noun)];
  const text = sel.hit.chunk.pageContent;
  const indicator = sel.hit.chunk.metadata.indicator;
  // The thing counted may be another figure's of the clause group than the one whose label names most of the question:
  // "新建改扩建学校一共多出来多少个学位" is answered by "增加学位超6万个" beside "新改扩建学校项目74个".
  const counts = sel.figures.filter((f) => figureMeasure(f.value)?.kind === 'count');
  const counted = counts.some((f) => {
    const label = normalizeForMatch(indicator ? indicator.name.replace(/[（(][^）)]*[)）]/g, '') : text.slice(clauseStart(text, f.start), f.start));
    return countsNoun(forms, label, normalizeForMatch(text.slice(f.end, f.end + 12)), question);
  });
  return counts.length === 0 || counted ? undefined : 'counted-thing';
}

/** Words for a kind of quantity rather than a thing ("增速", "比例"): the documents word these many ways. */
const GENERIC_MEASURE = /增速|增幅|增长|比例|比重|占比|面积|规模|数量|总量|金额|人数|户数|个数|速度|水平|目标|指标|要求/;

/**
 * "去年新增的6家上市挂牌企业分别是哪几家": a list asked of a count the question states. The clause stating that count
 * answers it only if it, or the clause right after it, names the items ("A、B等7家", "5个产业（A、B…）", "…6家：A、B…", "…6家，分别为…").
 */
function onlyRestatesCount(sel: Selection, analysis: QuestionAnalysis): boolean {
  if (analysis.intent !== 'list') return false;
  const counts = extractFigures(analysis.normalized).filter((f) => figureMeasure(f.value)?.kind === 'count').map((f) => f.value);
  if (counts.length === 0) return false;
  const clauses = normalizeForMatch(sel.sentence.text).split(/[，,；;。]/);
  const at = clauses.findIndex((c) => counts.some((v) => c.includes(v)));
  if (at < 0) return false;
  const stating = clauses[at]!;
  const count = stating.indexOf(counts.find((v) => stating.includes(v))!);
  // (A 、 after the count joins the next figure, "39家、占全市比重近45%", not an item.)
  const named = stating.lastIndexOf('、', count) >= 0 || /[：:（(].*、/.test(stating.slice(count)) || /^(分别|包括|即|为|是|有)/.test(clauses[at + 1] ?? '');
  return !named;
}

/**
 * The measure a question asks the amount of: the topic word right after "多少" ("每亩能拿到多少补贴") or right
 * before it ("产值和销量是多少"). The answering sentence must say it: the documents giving the topic's other
 * figures ("高标准农田1万亩") do not give that one.
 */
function unsaidMeasure(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string | undefined {
  if (analysis.script === 'en') return undefined; // glossary terms, which a label may word differently
  const q = analysis.normalized;
  // Plain string tests: a term is user text (a quoted name may hold "(" or "+"), and this runs on every answer.
  const asked = q.replace(/[?？。]$/, '');
  const sentence = normalizeForMatch(sel.sentence.text);
  return analysis.contentTerms.find(
    (t) =>
      !analysis.contextTerms.includes(t) &&
      !GENERIC_MEASURE.test(t) &&
      (asked.endsWith(`多少${t}`) || ['是', '有', '为'].some((v) => q.includes(`${t}${v}多少`))) &&
      !stats.saidIn(t, sentence) &&
      // A compound the documents never write is said by its head ("贸易总额" by "进出口总额").
      !sentence.includes(stats.knownParts(t).at(-1) ?? t),
  );
}

/** An English question naming a thing the documents never report ("tax revenue" beside the budget revenue they give). */
function unreportedEnglishTerm(analysis: QuestionAnalysis): string | undefined {
  return analysis.script === 'en' ? analysis.contentTerms.find((t) => UNREPORTED_TERMS.has(t) && !analysis.contextTerms.includes(t)) : undefined;
}

/**
 * "How much of GDP came from the service sector", "what share of output came from components": the part asked is
 * what the answer must state; the whole alone ("地区生产总值3570亿元") does not answer it.
 */
const ENGLISH_PART_OF = /\b(?:how much|what (?:share|proportion|percentage|part)) of .+? (?:came|comes|come|was|were|is|are) (?:from|generated by|contributed by|made up of|made up by) (.+)$/;

function unsaidEnglishPart(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string | undefined {
  const m = analysis.script === 'en' ? ENGLISH_PART_OF.exec(analysis.normalized) : null;
  if (!m) return undefined;
  const part = chineseTermsFor(m[1]!);
  const sentence = normalizeForMatch(sel.sentence.text);
  return part.find((t) => !stats.saidIn(t, sentence));
}

/** An age group written right before a word ("18-59岁户籍人口", "60岁及以上户籍人口"). */
const AGE_GROUP_BEFORE = new RegExp(`(?:${AGE_GROUP.source})$`);

/**
 * A population figure for an age group the question does not name ("户籍人口有多少" → "18-59岁户籍人口年均减少4000人"):
 * the documents give it for part of the population asked, not for the whole.
 */
function narrowerAgeGroup(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string | undefined {
  if (/岁/.test(analysis.matchText) || /\b(?:aged?|years? old)\b/.test(analysis.normalized)) return undefined;
  const sentence = normalizeForMatch(sel.sentence.text);
  const own = analysis.contentTerms.filter((t) => !analysis.contextTerms.includes(t));
  // A word of the question the sentence does not say may name the group in words ("劳动年龄的户籍人口").
  if (own.some((t) => !stats.saidIn(t, sentence))) return undefined;
  // (Only a population: "婴幼儿", "儿童" after an age name the group themselves.)
  return own.find((t) => {
    if (!t.endsWith('人口')) return false;
    const at = sentence.indexOf(t);
    return at > 0 && AGE_GROUP_BEFORE.test(sentence.slice(0, at)) && !sentence.slice(at + t.length).includes(t);
  });
}

const MEASURE_HEAD = /(?:收入|标准|率|总额|总值|产值|面积|人数|人口|价格|工资|补贴)$/;

/**
 * A measure narrowed by the word before it ("农村居民人均可支配收入", "农村的低保标准"): when the documents never write
 * the two together and the answering sentence gives only the measure, they give the broader figure, not the one asked.
 */
function unsaidQualifier(sel: Selection, analysis: QuestionAnalysis, ctx: AnswerContext): string | undefined {
  const q = analysis.normalized;
  const sentence = normalizeForMatch(sel.sentence.text);
  const passage = normalizeForMatch(sel.hit.chunk.pageContent);
  const own = analysis.contentTerms.filter((t) => !analysis.contextTerms.includes(t));
  // In English the asker's word order is read from where the glossary phrases stand ("income of rural residents").
  const narrows = analysis.script === 'en' ? englishNarrowing(q) : (modifier: string, measure: string) => q.includes(`${modifier}${measure}`) || q.includes(`${modifier}的${measure}`);
  return own.find((modifier) =>
    own.some((measure) => {
      if (measure === modifier || !MEASURE_HEAD.test(measure) || !ctx.stats.saidIn(measure, sentence) || ctx.stats.saidIn(modifier, passage)) return false;
      // Not even in part or in other figures ("村平均" is the documents' "村均", "18至59岁" their "18-59岁").
      if (/\d/.test(modifier) || [...modifier].some((c) => sentence.includes(c))) return false;
      return narrows(modifier, measure) && !ctx.corpusText.includes(`${modifier}${measure}`) && !ctx.corpusText.includes(`${modifier}的${measure}`);
    }),
  );
}

/**
 * Whether, in an English question, one glossary phrase narrows another: it stands right before it, perhaps with one
 * word between ("rural residents' disposable income"), or right after it and "of", "for" or "among"
 * ("disposable income of rural residents").
 */
function englishNarrowing(question: string): (modifier: string, measure: string) => boolean {
  // Read only when a modifier and a measure are weighed at all.
  let read: ReturnType<typeof phrasePlaces> | undefined;
  return (modifier, measure) => {
    const places = (read ??= phrasePlaces(question));
    return places.some(
      (m) => m.term === modifier && places.some((t) => t.term === measure && (between(t.from - m.to, 0, 1) || (between(m.from - t.to, 1, 2) && /^(?:of|for|among)$/.test(m.before)))),
    );
  };
}
const between = (n: number, low: number, high: number) => n >= low && n <= high;

/**
 * The periods a sentence names itself (empty when it names none: then its section's period holds).
 * Every candidate clause asks for its sentence's periods, so they are read once per passage sentence.
 */
const sentencePeriods: (sentence: string) => TimeScope[] = boundedMemo((sentence) => {
  const frame = detectFrame(normalizeForMatch(sentence));
  return frame.timeInferred ? [] : frame.timeScopes;
}, 20_000);

/** A passage about another period or about the district when the 经开区 was asked (or the reverse) does not answer. */
function frameAllows(sel: Selection, analysis: QuestionAnalysis): boolean {
  const m = sel.hit.chunk.metadata;
  // Definitions (glossary, footnotes) hold for the district and the zone alike.
  const definition = m.kind === 'glossary' || m.kind === 'footnote';
  if (!definition && analysis.frame.region === 'cetdz' && m.region !== 'cetdz' && !sel.sentence.text.includes('经开区')) return false;
  return periodAllows(sel, analysis);
}

function periodAllows(sel: Selection, analysis: QuestionAnalysis): boolean {
  const { frame } = analysis;
  if (frame.timeInferred || timeCompatible(frame, sel.hit.chunk.metadata.timeScope)) return true;
  // A sentence that names its own period ("“十四五”期间，…") speaks for that period, whatever its section is about.
  const own = sentencePeriods(sel.sentence.text);
  return own.length > 0 && timeCompatible(frame, own);
}

/**
 * "那6G基站呢？" after a question on 5G base stations: the follow-up swaps one word of the earlier topic for a sibling
 * (same length, one character different). A clause on the earlier word whose sentence never says the new one answers
 * the earlier question, not this one.
 */
function swappedTerm(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string | undefined {
  const sentence = normalizeForMatch(sel.sentence.text);
  const group = normalizeForMatch(sel.group.text);
  const siblings = (a: string, b: string) => a.length === b.length && a.length >= 2 && a !== b && [...a].filter((ch, i) => ch !== b[i]).length === 1;
  return analysis.contentTerms.find(
    (t) => !analysis.contextTerms.includes(t) && !stats.saidIn(t, sentence) && analysis.contextTerms.some((c) => siblings(t, c) && stats.saidIn(c, group)),
  );
}

/**
 * "去年GDP增长多少": one year asked. A clause that gives a yearly average over a five-year period ("地区生产总值年均增长
 * 5.6%") does not say what that year was, unless the question asks about an average itself.
 */
function averageForYear(sel: Selection, analysis: QuestionAnalysis): boolean {
  const { frame } = analysis;
  if (frame.timeInferred || frame.timeScopes.length === 0 || !frame.timeScopes.every((t) => SINGLE_YEARS.has(t))) return false;
  return PERIOD_AVERAGE.test(sel.group.text) && !AVERAGE_ASKED.test(analysis.normalized);
}
const SINGLE_YEARS = new Set<TimeScope>(['y2025', 'y2026']);
const PERIOD_AVERAGE = /年均[^\d，,。；;]{0,6}\d/;
const AVERAGE_ASKED = /年均|平均|每年|\b(?:average|annual|per year|a year|each year)\b/;

/**
 * The documents state the topic only for another period: the clause that names all the question asks lies outside
 * the period asked ("2025年研发经费支出占比" → the 2030 target), and the best clause inside it lacks the question's
 * weightiest word. (Not for follow-ups, whose topic and period come from different turns.)
 */
function onlyOtherPeriodSays(scored: Selection[], best: Selection, analysis: QuestionAnalysis): boolean {
  const fullest = scored[0];
  return !analysis.followUp && best.lacksMainTerm && fullest !== undefined && !periodAllows(fullest, analysis) && fullest.groupCoverage >= FULL_COVERAGE;
}
const FULL_COVERAGE = 0.9;

function focusPairs(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): RespectivePair[] | undefined {
  // Only when the answering clause is the 分别 list itself, not another clause of the same sentence.
  if (!sel.group.text.includes('分别') && !sel.sentence.text.slice(sel.group.end - sel.sentence.start).startsWith('分别')) return undefined;
  const pairs = alignRespectively(sel.sentence.text);
  if (!pairs) return undefined;
  // The items naming the most question weight are the ones asked about; words shared by all items decide nothing.
  const weightOf = (p: RespectivePair) => {
    const item = normalizeForMatch(p.item);
    return analysis.contentTerms.reduce((sum, t) => sum + (stats.saidIn(t, item) ? stats.weight(t) * termFactor(analysis, t) : 0), 0);
  };
  const weights = pairs.map(weightOf);
  const best = Math.max(...weights);
  const asked = pairs.filter((_, i) => weights[i] === best);
  return best > 0 && asked.length < pairs.length ? asked : pairs;
}

function statementOf(sel: Selection, analysis: QuestionAnalysis, stats: TermStats, docs: Map<string, DocumentEntry>, citation: number): Statement {
  const m = sel.hit.chunk.metadata;
  const focus = analysis.intent === 'figure' || analysis.intent === 'general' ? focusPairs(sel, analysis, stats) : undefined;
  return {
    doc: docs.get(m.docId)!,
    section: m.section,
    quote: focus ? sel.sentence.text : sel.group.text,
    figures: analysis.intent === 'figure' || analysis.intent === 'general' ? relevantFigures(sel, analysis, stats) : [],
    unit: m.indicator?.unit,
    focus,
    citation,
    kind: m.kind,
  };
}

function scopesCompatible(a: Chunk, b: Chunk, analysis: QuestionAnalysis): boolean {
  const wanted = analysis.frame.timeScopes.length > 0 ? analysis.frame.timeScopes : a.metadata.timeScope;
  if (b.metadata.region !== a.metadata.region) return false;
  if (wanted.length === 0 || b.metadata.timeScope.length === 0) return true;
  // Without a period in the question, a figure for another period is still a different statement of "the same thing".
  return analysis.frame.timeScopes.length === 0 || b.metadata.timeScope.some((s) => wanted.includes(s));
}

/**
 * The best statement from another document about the same thing, whether it gives the same figures, and whether
 * it writes them more fully than the best one does.
 */
function otherDocumentStatement(
  best: Selection,
  ranked: Selection[],
  analysis: QuestionAnalysis,
  stats: TermStats,
): { sel: Selection; agrees: boolean; fuller: boolean } | undefined {
  if (analysis.intent !== 'figure' && analysis.intent !== 'general') return undefined;
  if (best.figures.length === 0) return undefined;
  const bestDoc = best.hit.chunk.metadata.docId;
  const bestFigures = relevantFigures(best, analysis, stats);
  // A change from another base, or a yearly average, is another measure, not another statement of this one.
  const bestBase = baseFit(analysis.base, normalizeForMatch(best.sentence.text));
  const other = ranked.find(
    (s) =>
      s.hit.chunk.metadata.docId !== bestDoc &&
      s.figures.length > 0 &&
      s.coverage >= Math.max(MIN_COVERAGE, best.coverage * CONFLICT_RATIO) &&
      s.score >= best.score * 0.6 &&
      baseFit(analysis.base, normalizeForMatch(s.sentence.text)) >= bestBase &&
      scopesCompatible(best.hit.chunk, s.hit.chunk, analysis),
  );
  if (!other) return undefined;
  const otherFigures = relevantFigures(other, analysis, stats);
  // A share of the thing ("高新技术产业产值占规上工业总产值比重…70以上") is another quantity than its amount.
  const percents = (sel: Selection, values: string[]) => values.map((v) => figureMeasure(withRowUnit(v, sel.hit.chunk.metadata.indicator?.unit))?.kind === 'percent');
  const share = /占[^，。；]*?(?:比重|比例)/.test(other.group.text) && percents(other, otherFigures).every(Boolean);
  if (share && !percents(best, bestFigures).some(Boolean)) return undefined;
  const agrees = figureKey(otherFigures) === figureKey(bestFigures);
  return { sel: other, agrees, fuller: agrees && writtenMoreFully(otherFigures, bestFigures) };
}

/** The names a list gives, one per item between 、 and clause marks ("武进品质活力主城、武高新智造理想城"): 4 to 12 Han characters each. */
function listedItems(text: string): string[] {
  return normalizeForMatch(text)
    .split(/[、，,；;。：:“”"]/)
    .map((p) => p.trim())
    .filter((p) => /^\p{Script=Han}{4,12}$/u.test(p));
}

/** The question's own terms an answering clause leaves unsaid, their weight, and their share of the topic. */
function unsaid(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): { terms: string[]; weight: number; share: number } {
  const group = normalizeForMatch(sel.group.text);
  const own = analysis.contentTerms.filter((t) => !analysis.contextTerms.includes(t));
  const weightOf = (ts: string[]) => ts.reduce((a, t) => a + stats.weight(t), 0);
  const terms = own.filter((t) => !stats.saidIn(t, group));
  const weight = weightOf(terms);
  return { terms, weight, share: weight / (weightOf(own) || 1) };
}

/**
 * For a question asking several things, the clause elsewhere that answers what the first one leaves unsaid:
 * it must name most of the rest, give a figure, and not overlap the first.
 */
function otherPart(best: Selection, ranked: Selection[], analysis: QuestionAnalysis, stats: TermStats): Selection | undefined {
  if ((analysis.intent !== 'figure' && analysis.intent !== 'general') || !asksSeveral(analysis.normalized)) return undefined;
  const missing = unsaid(best, analysis, stats);
  if (missing.terms.length === 0 || missing.share < 0.2) return undefined;
  const overlaps = (s: Selection) => s.hit === best.hit && s.group.start < best.group.end && best.group.start < s.group.end;
  return ranked.find((s) => {
    if (s.figures.length === 0 || overlaps(s)) return false;
    const group = normalizeForMatch(s.group.text);
    const said = missing.terms.filter((t) => stats.saidIn(t, group)).reduce((a, t) => a + stats.weight(t), 0);
    return said / missing.weight >= 0.6 && s.coverage >= MIN_COVERAGE * 0.8;
  });
}

/**
 * Whether a clause states a place for the thing asked: the place ("前三", "第一") stands in the clause that names the
 * question's terms most fully, or in a continuation of it ("…3570亿元，居全省第二"). In "总量跨入全省前三，人均地区
 * 生产总值超20万元" the place ranks the total, and a question about the per-person figure finds no place. A place
 * in the province does not answer a ranking in the city.
 */
function ranksWhatIsAsked(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): boolean {
  const clauses: string[] = [];
  for (const piece of normalizeForMatch(sel.group.text).split(/[，,；;。]/)) {
    if (clauses.length > 0 && CONTINUATION.test(piece.trim())) clauses[clauses.length - 1] += piece;
    else if (piece.trim()) clauses.push(piece);
  }
  const weightIn = (clause: string) => analysis.contentTerms.filter((t) => stats.saidIn(t, clause)).reduce((sum, t) => sum + stats.weight(t), 0);
  const weights = clauses.map(weightIn);
  const most = Math.max(0, ...weights);
  return clauses.some((c, i) => weights[i] === most && statesRank(c) && rankScopeFits(analysis.normalized, c));
}

/** The periods a selection speaks for: its sentence's own, else its section's. */
function periodsOf(sel: Selection): readonly TimeScope[] {
  const own = sentencePeriods(sel.sentence.text);
  return own.length > 0 ? own : sel.hit.chunk.metadata.timeScope;
}

/**
 * "去年扩了多少？今年打算扩多少？": a question naming two periods of one topic, answered for one of them, takes the
 * best clause on the same topic for a period still unanswered.
 */
function otherPeriod(best: Selection, ranked: Selection[], analysis: QuestionAnalysis, stats: TermStats): Selection | undefined {
  const asked = analysis.frame.timeScopes;
  if (analysis.frame.timeInferred || asked.length < 2 || analysis.intent !== 'figure') return undefined;
  // "到2025年，跟“十三五”末相比": the periods of one change from a base, not two questions.
  if (analysis.base !== undefined) return undefined;
  const answered = periodsOf(best);
  const left = asked.filter((p) => !answered.includes(p));
  if (left.length === 0 || left.length === asked.length) return undefined;
  // The part asking for the period left is weighed by its own words and the topic the question sets for all parts
  // ("高企的情况：去年新认定多少家？“十四五”末总数多少家？" asks the second part of 高企, not of 认定).
  const partTerms = termsOfPeriodPart(analysis, left);
  const partCoverage = (s: Selection) => {
    const group = normalizeForMatch(s.group.text);
    return partTerms.filter((t) => stats.saidIn(t, group)).reduce((sum, t) => sum + stats.weight(t), 0);
  };
  const fits = (s: Selection) => (partTerms.length === 0 ? s.coverage >= best.coverage * 0.9 : partCoverage(s) >= partCoverage(best) * 0.9);
  return ranked.find(
    (s) => s.figures.length > 0 && s.sentence.text !== best.sentence.text && periodsOf(s).some((p) => left.includes(p)) && fits(s) && s.groupCoverage >= MIN_GROUP_COVERAGE,
  );
}

/**
 * The question's terms that bear on the part naming one of `periods`: the part's own and those of parts that ask
 * nothing (a topic set first: "武进高新技术企业的情况："). Empty when no single part names the period.
 */
function termsOfPeriodPart(analysis: QuestionAnalysis, periods: readonly TimeScope[]): string[] {
  const parts = analysis.normalized.split(/[？?：:；;]/).filter((p) => p.trim().length > 0);
  const naming = parts.filter((p) => detectFrame(p).timeScopes.some((s) => periods.includes(s)));
  if (parts.length < 2 || naming.length !== 1) return [];
  const topic = parts.filter((p) => !COUNT_QUESTION.test(p) && askedMeasures(p).length === 0);
  const said = (t: string) => [naming[0]!, ...topic].some((p) => p.includes(t));
  return analysis.contentTerms.filter(said);
}

/** Whether a figure is yearly or for the whole period is asked ("是每年还是累计", "cumulative or per year"). */
const PER_PERIOD = '(?:每年|一年|年均|累计|五年|加起来|加在一起)';
const PER_PERIOD_EN = '\\b(?:yearly|annual|per year|a year|each year|cumulative|in total|over five years)\\b';
const PER_PERIOD_ASKED = new RegExp(`${PER_PERIOD}[^？?，,]{0,8}还是|还是[^？?，,]{0,8}${PER_PERIOD}|${PER_PERIOD_EN}[^?]{0,30}\\bor\\b|\\bor\\b[^?]{0,30}${PER_PERIOD_EN}`);
const PER_PERIOD_NOTE = /累计|年均/;

/**
 * The indicator table gives bare cells ("一般公共预算收入（亿元）：2030年目标 218"); when the text states the same
 * figure ("一般公共预算收入达218亿元"), the sentence is the better answer, unless the table itself was asked about.
 */
function proseForTableRow(best: Selection, ranked: Selection[], analysis: QuestionAnalysis, stats: TermStats): Selection {
  if (best.hit.chunk.metadata.kind !== 'indicator' || /指标/.test(analysis.normalized)) return best;
  // "是每年还是五年累计？": the row's note (累计, 年均) says what is asked, which the sentence may leave unsaid.
  if (PER_PERIOD_NOTE.test(best.sentence.text) && PER_PERIOD_ASKED.test(analysis.normalized)) return best;
  const row = relevantFigures(best, analysis, stats);
  // The same figure is strong evidence that a sentence of the table's own document states the same indicator:
  // less coverage will do.
  const candidates = ranked.filter(
    (s) => s.hit.chunk.metadata.kind === 'paragraph' && s.hit.chunk.metadata.docId === best.hit.chunk.metadata.docId && s.figures.length > 0 && s.coverage >= best.coverage * 0.6,
  );
  const stating = (key: (values: string[]) => string) => candidates.find((s) => key(relevantFigures(s, analysis, stats)) === key(row));
  const exact = stating(figureKey);
  if (exact) return exact;
  // A table cell often drops the qualifier its sentence gives ("50" for "超50件"): then the numbers alone agree.
  const unqualified = figureKey(row) === numbersKey(row);
  return (unqualified && stating(numbersKey)) || best;
}

/** Numbers alone. */
function numbersKey(values: string[]): string {
  return values.map((v) => numbersIn(v).join(',')).sort().join('|');
}

/** Whether figures write the same figures as others with more of them said ("突破43万人" beside "突破43万"). */
function writtenMoreFully(figures: string[], others: string[]): boolean {
  const fa = [...figures].sort();
  const fb = [...others].sort();
  return fa.length === fb.length && fa.some((v, i) => v !== fb[i]) && fa.every((v, i) => v.startsWith(fb[i]!));
}

/** Numbers and qualifiers, without units and notes: "11以上（累计）" and "11万人以上" state the same figure. */
function figureKey(values: string[]): string {
  return values.map((v) => `${numbersIn(v).join(',')}${(v.match(/超过|超|近|约|突破|逾|不少于|不低于|以上|以下|以内|左右/g) ?? []).join('')}`).sort().join('|');
}

function rankedPassage(hit: ScoredChunk): RankedPassage {
  const m = hit.chunk.metadata;
  const out: RankedPassage = { chunkId: m.id, docId: m.docId, section: m.section.join(' > '), text: hit.chunk.pageContent, score: roundScore(hit.score) };
  if (hit.lexicalRank !== undefined) out.lexicalRank = hit.lexicalRank;
  if (hit.denseRank !== undefined) out.denseRank = hit.denseRank;
  return out;
}

function withPassages(result: AnswerResult, hits: ScoredChunk[], opts: AnswerOptions): AnswerResult {
  if (opts.explain) return { ...result, passages: hits.map(rankedPassage) };
  const { declinedBy: _, ...plain } = result;
  return plain;
}

function notFound(
  reason: RefusalReason,
  analysis: QuestionAnalysis,
  related: ScoredChunk[],
  ctx: AnswerContext,
  mode: AnswerResult['mode'],
  started: number,
  declinedBy: DeclineCheck = 'scope',
): AnswerResult {
  const citations = related.slice(0, RELATED_ON_REFUSAL).map((h) => citationOf(h, ctx.documents));
  return {
    answer: composeNotFound(reason, analysis.script, citations.length > 0),
    found: false,
    citations,
    figures: [],
    mode,
    tookMs: Date.now() - started,
    script: analysis.script,
    reason,
    declinedBy,
  };
}

/**
 * "一共获得省科学技术奖几项" after "拿了不少省里的科技奖": a word the documents never use whose characters stand in order
 * inside another of the question's words that they do use is that word shortened, not a second topic.
 */
function withoutShortenings(analysis: QuestionAnalysis, stats: TermStats): QuestionAnalysis {
  const known = analysis.contentTerms.filter((t) => stats.documentFrequency(t) > 0);
  const shortened = analysis.contentTerms.filter((t) => t.length >= 2 && stats.documentFrequency(t) === 0 && known.some((k) => k.length > t.length && inOrder(t, k)));
  return shortened.length === 0 ? analysis : withoutTerms(analysis, shortened);
}

/**
 * "家里老人年纪大了，卫生间老摔跤，想做适老化改造。…一共要改多少户？", "现在年轻人都往外跑，…常住人口…多少？": a word the
 * documents never write in any form, said only where the question asks nothing, tells of the asker's life, not of what is
 * asked. It is dropped, when a word the documents know is left.
 */
function withoutUntoldRemarks(analysis: QuestionAnalysis, stats: TermStats): QuestionAnalysis {
  const untold = analysis.unasked.filter((t) => stats.variants(t).length === 0);
  if (untold.length === 0 || !analysis.contentTerms.some((t) => !untold.includes(t) && stats.variants(t).length > 0)) return analysis;
  return withoutTerms(analysis, untold);
}

/** "省科技奖": a word the documents never write is searched for in the forms they do write ("科学技术奖"). */
function withCorpusForms(analysis: QuestionAnalysis, stats: TermStats): QuestionAnalysis {
  const forms = analysis.contentTerms.flatMap((t) => (stats.documentFrequency(t) === 0 ? stats.variants(t) : []));
  const added = forms.filter((f, i) => forms.indexOf(f) === i && !analysis.expansions.includes(f) && !analysis.contentTerms.includes(f));
  return added.length === 0 ? analysis : { ...analysis, expansions: [...analysis.expansions, ...added] };
}

/** The analysis without some of its topic words, as topic and as context. */
function withoutTerms(analysis: QuestionAnalysis, dropped: readonly string[]): QuestionAnalysis {
  const keep = (t: string) => !dropped.includes(t);
  return { ...analysis, contentTerms: analysis.contentTerms.filter(keep), contextTerms: analysis.contextTerms.filter(keep) };
}

/** Whether every character of `short` stands in `long`, in the same order. */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Extractive answer: the source's own clause, figures verbatim, cited; or a plain statement that the documents do not say. */
export async function answerQuestion(question: string, ctx: AnswerContext, opts: AnswerOptions = {}): Promise<AnswerResult> {
  const { result, hits } = await answerFromHits(question, ctx, opts);
  return withPassages(result, hits, opts);
}

async function answerFromHits(question: string, ctx: AnswerContext, opts: AnswerOptions): Promise<{ result: AnswerResult; hits: ScoredChunk[] }> {
  const started = Date.now();
  const analysis = withCorpusForms(withoutUntoldRemarks(withoutShortenings(analyzeQuestion(question, opts.history ?? []), ctx.stats), ctx.stats), ctx.stats);
  const mode = ctx.retriever.mode;

  const early = refuseBeforeRetrieval(analysis, ctx.corpusText);
  if (early) return { result: notFound(early.reason, analysis, [], ctx, mode, started), hits: [] };

  const hits = await ctx.retriever.search(analysis, RETRIEVE_K, opts.docs, LEXICAL_KEEP);
  const scored = selectPassages(analysis, hits, ctx.stats);
  const ranked = scored.filter((sel) => frameAllows(sel, analysis));
  // A year the documents rarely name ("明年" = 2027) is answered only by a sentence that names it.
  const rareYear = analysis.frame.years.find((y) => !COVERED_YEARS.has(y));
  const naming = rareYear === undefined ? undefined : ranked.find((sel) => sel.sentence.text.includes(String(rareYear)) && sel.coverage >= MIN_COVERAGE && sel.groupCoverage >= MIN_GROUP_COVERAGE);
  // A ranking asked ("排第几") is answered by a clause that states a place, where one covers the question as fully as the top one.
  // The place must be the clause's own: "总量跨入全省前三，人均地区生产总值超20万元" ranks the total, not the per-person figure.
  const rankAsked = asksRank(analysis.normalized);
  const top = ranked[0];
  const placing = rankAsked && top ? ranked.find((sel) => sel.coverage >= top.coverage && sel.groupCoverage >= MIN_GROUP_COVERAGE && ranksWhatIsAsked(sel, analysis, ctx.stats)) : undefined;
  // Whether a figure is yearly or cumulative is answered by a clause that says so ("11以上（累计）"), where one covers as fully.
  const noted = (sel: Selection) => PER_PERIOD_NOTE.test(sel.sentence.text);
  const noting = top && !noted(top) && PER_PERIOD_ASKED.test(analysis.normalized) ? ranked.find((sel) => noted(sel) && sel.coverage >= top.coverage && sel.groupCoverage >= MIN_GROUP_COVERAGE) : undefined;
  const best = naming ?? placing ?? noting ?? top;
  const related = analysis.contentTerms.length > 0 ? hits.filter((h) => h.score > 0.3) : [];
  if (!best || best.coverage < MIN_COVERAGE || best.groupCoverage < MIN_GROUP_COVERAGE) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'coverage'), hits };
  const rankStated = rankAsked && (best === placing || ranksWhatIsAsked(best, analysis, ctx.stats));
  if (uncoveredYear(analysis, best.sentence.text) !== undefined || partOfYearUnstated(analysis.script === 'en' ? analysis.normalized : analysis.asked, best.sentence.text) || onlyOtherPeriodSays(scored, best, analysis) || averageForYear(best, analysis)) return { result: notFound('other-year', analysis, related, ctx, mode, started, 'other-year'), hits };
  // "多少/几…" asks for a number: a passage on the topic that gives none does not answer it.
  // …nor does a figure whose own words name nothing asked ("多少所大学" → "医疗中心7个" in a sentence that mentions a 大学).
  // A place in a ranking ("第三") answers "排名多少", though it is no figure.
  // ("What is the minimum wage" asks an amount of money just as "多少" does.)
  const measures = askedMeasures(analysis.normalized);
  const asksAmount = COUNT_QUESTION.test(analysis.normalized) || measures.length > 0;
  if (asksAmount && !rankStated) {
    if (best.figures.length === 0) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'no-figure'), hits };
    if (rateUnsaid(analysis.script === 'en' ? analysis.normalized : analysis.asked, normalizeForMatch(best.sentence.text))) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'asked-measure'), hits };
    // (Not for English questions: their terms are glossary translations, which a label may word differently.)
    if (analysis.script !== 'en' && analysis.contentTerms.length > 0 && figuresAsked(best, analysis, ctx.stats).labelWeight === 0)
      return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'unlabelled-figure'), hits };
  }

  if (analysis.followUp && swappedTerm(best, analysis, ctx.stats)) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'coverage'), hits };

  // "哪一年通车", "when": a sentence that names no time does not say when.
  if (WHEN_QUESTION.test(analysis.normalized) && !TIME_EXPRESSION.test(best.sentence.text)) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'no-date'), hits };
  if (DATE_QUESTION.test(analysis.normalized) && !DAY_OR_MONTH.test(best.sentence.text)) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'no-date'), hits };

  // The kind of quantity asked must be the kind given: "多少亿元" is not answered by a growth rate, nor
  // "多少所小学" by a count of something whose name merely contains 小学.
  // (A place in a ranking is the answer to a ranking asked, whatever figures stand beside it.)
  const mismatch = rankStated ? undefined : measureMismatch(best, analysis, measures, ctx);
  if (mismatch) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, mismatch), hits };
  if (unsaidMeasure(best, analysis, ctx.stats) || unsaidQualifier(best, analysis, ctx) || unreportedEnglishTerm(analysis) || unsaidEnglishPart(best, analysis, ctx.stats) || narrowerAgeGroup(best, analysis, ctx.stats) || oppositeGroupNamed(best.sentence.text, analysis, ctx.stats) || (rankAsked && !rankStated) || onlyRestatesCount(best, analysis)) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started, 'asked-measure'), hits };
  // A place the documents name elsewhere ("上海") must be what the answering passage speaks of.
  const missingPlace = placeMissing(analysis, normalizeForMatch(`${headingText(best.hit.chunk)} ${best.hit.chunk.pageContent}`), ctx.corpusText);
  if (missingPlace) return { result: notFound('other-place', analysis, related, ctx, mode, started, 'other-place'), hits };

  const first = proseForTableRow(best, ranked, analysis, ctx.stats);
  const found = otherDocumentStatement(first, ranked, analysis, ctx.stats);
  // Of two documents giving the same figures, the answer quotes the one that writes them in full; the other is cited beside it.
  // (A table row stays: proseForTableRow has already weighed it against the prose.)
  const swap = found?.fuller && found.sel.hit.chunk.metadata.kind === first.hit.chunk.metadata.kind;
  const primary = swap ? found.sel : first;
  const inOther = found && swap ? { sel: first, agrees: true } : found;
  const chosen: Selection[] = [primary];
  // Differing figures are both stated; the same figure in the other document is cited beside the answer.
  const other = inOther && !inOther.agrees ? inOther.sel : undefined;
  if (other) chosen.push(other);
  // A question asking several things may find the rest in another passage ("执业医师和注册护士分别…" → two table rows).
  const restFound = other ? undefined : (otherPart(primary, ranked, analysis, ctx.stats) ?? otherPeriod(primary, ranked, analysis, ctx.stats));
  // The rest, too, is quoted from the sentence that states its table row ("比重45%", not the bare cell "45").
  const restProse = restFound && proseForTableRow(restFound, ranked, analysis, ctx.stats);
  const rest = restProse && restProse.sentence.text !== primary.sentence.text ? restProse : restFound;
  if (rest) chosen.push(rest);
  // A sentence chosen over the table row it states is quoted first; the row follows, with its cell as the table writes it.
  const row = !other && !rest && first !== best && best.hit.chunk.metadata.kind === 'indicator' ? best : undefined;
  if (row) chosen.push(row);

  // Citations: the chosen passages first (in statement order), then the other top passages for context.
  const citedHits: ScoredChunk[] = [];
  for (const sel of chosen) if (!citedHits.includes(sel.hit)) citedHits.push(sel.hit);
  if (inOther?.agrees && !citedHits.includes(inOther.sel.hit)) citedHits.push(inOther.sel.hit);
  // Passages that state an answered figure again ("新增城镇就业人数11万人以上" in the goals and in the jobs chapter), or
  // for a list name two of its items again (the glossary's 四城 beside the plan's footnote), corroborate the answer
  // and come before passages cited for context only.
  const answered = chosen.flatMap((sel) => relevantFigures(sel, analysis, ctx.stats)).filter((v) => v.length >= 3);
  const items = analysis.intent === 'list' ? chosen.flatMap((sel) => listedItems(sel.group.text)) : [];
  const restates = (h: ScoredChunk) => {
    const text = normalizeForMatch(h.chunk.pageContent);
    return answered.some((v) => text.includes(normalizeForMatch(v))) || items.filter((item) => text.includes(item)).length >= 2;
  };
  for (const h of hits) if (citedHits.length < 5 && !citedHits.includes(h) && h.score > 0.3 && restates(h)) citedHits.push(h);
  for (const h of hits) if (citedHits.length < 5 && !citedHits.includes(h) && h.score > 0.3) citedHits.push(h);
  const citations = citedHits.map((h) => citationOf(h, ctx.documents));

  const statements = chosen.map((sel) => statementOf(sel, analysis, ctx.stats, ctx.documents, citedHits.indexOf(sel.hit) + 1));
  const shownAs = (value: string) => (analysis.script === 'zh-Hant' ? simplifiedToTraditional(value) : value);
  const figures: Figure[] = statements.flatMap((s) =>
    s.focus
      ? s.focus.map((p) => ({ value: p.value, shown: shownAs(p.value), context: `${p.item}：${p.verb}${p.value}`, citation: s.citation }))
      : s.figures.map((value) => ({ value, shown: shownAs(value), context: trimPunctuation(s.quote), citation: s.citation })),
  );

  const result: AnswerResult = {
    answer: composeFound(statements, analysis.script, rest ? 'parts' : row ? 'table' : 'conflict'),
    found: true,
    citations,
    figures,
    mode,
    tookMs: Date.now() - started,
    script: analysis.script,
  };
  return { result, hits };
}
