import { termFactor, type QuestionAnalysis } from '../retrieve/analyze-question.js';
import { aroundFocus, definitionFocus } from '../retrieve/definition-focus.js';
import type { ScoredChunk } from '../retrieve/retriever.js';
import { headingText } from '../index/lexical-index.js';
import { boundedMemo } from '../text/bounded-memo.js';
import { countInDigits } from '../text/chinese-counts.js';
import { baseFit, withoutBase } from '../retrieve/comparison-base.js';
import { normalizeForMatch } from '../text/normalize.js';
import { withoutPairsOf } from '../text/paired-words.js';
import { extractFigures, statedAmounts, type FigureSpan } from './figures.js';
import { askedMeasures, fitsAny, measureFits, withRowUnit } from './measure-fit.js';
import { splitClauses, splitSentences, type Span } from './split-clauses.js';
import type { TermStats } from './term-stats.js';

/** The part of a passage that answers: a clause group for figures, a sentence or entry otherwise. */
export interface Selection {
  hit: ScoredChunk;
  /** Offsets relative to the chunk text. */
  sentence: Span;
  group: Span;
  figures: FigureSpan[];
  /** Share of the question's topic weight found in the group (1), the passage's headings (0.85), its sentence (0.6) or its passage (0.45). */
  coverage: number;
  /** Share of the topic weight found in the group itself. */
  groupCoverage: number;
  score: number;
  /** The question's weightiest own term is not in the passage or its headings (at most some of its characters are). */
  lacksMainTerm: boolean;
}

/** Clauses that continue the previous one and make no sense alone ("其中…", "占全市比重…", "较去年…"). */
export const CONTINUATION = /^(其中|占|较|比|同比|均|分别|并|且|实现|达到|增长|提升|下降|居|位居|位列|排名|总投资|总规模|合计|累计|规模|投资完成率)/;

const MULTI_PART = /分别|各是|各为|各自|(?:多少|几).*(?:多少|几)|和|与|及|、|\band\b/;
/** "A和B分别…", "多少…、多少…": a question asking several things (a comparison's "与2020年相比" joins none). */
export function asksSeveral(normalizedQuestion: string): boolean {
  return MULTI_PART.test(withoutBase(normalizedQuestion));
}
/** "什么时候完成", "by when": the answer is a time, so a clause that names one answers. */
export const WHEN_QUESTION = /什么时候|啥时候|多会儿|何时|哪一?年|几时|\b(?:when|by when|what year|which year)\b/;
export const TIME_EXPRESSION = /(?:19|20)\d\d年|年底|年末|年内|上半年|下半年|\d{1,2}月|十四五|十五五|今年|明年|近期|期间/;

const ENUMERATION = /、.+、|（[^）]*、[^）]*）|：.+、|(?:包括|包含|分别是|分别为)[^，。；]*、/;

/**
 * "放大A作用,发挥B作用,巩固C作用,三大集群力争…": a last clause counting the sentence's other clauses ("三大", "3个")
 * sums them up, so the sentence lists its items one clause each.
 */
function countsItsClauses(text: string): boolean {
  const clauses = text.replace(/[。；;！!]\s*$/, '').split(/[，,；;]/);
  if (clauses.length < 3) return false;
  const m = /^[^\d一二两三四五六七八九十]{0,6}([一二两三四五六七八九十]|\d{1,2})(?=[个项大类种条家])/.exec(clauses.at(-1)!);
  return m !== null && Number.parseInt(countInDigits(`${m[1]}个`), 10) === clauses.length - 1;
}

/**
 * The names of the kind's items that start a clause ("经发" of "…，经发集团立足…"): an item is the subject of its clause,
 * while the kind written later in a clause is the category of what it lists ("存储、互联、温控等硬件设备领域").
 */
function itemNames(text: string, kind: string): Set<string> {
  const names = new Set<string>();
  for (let at = text.indexOf(kind); at >= 0; at = text.indexOf(kind, at + kind.length)) {
    const name = /(?:^|[，,；;。：:])\s*(\p{Script=Han}{2,4})$/u.exec(text.slice(Math.max(0, at - 6), at))?.[1];
    if (name !== undefined) names.add(name);
  }
  return names;
}

export interface Counted {
  count: number;
  kind: string;
  /** The question's word for the whole ("三支队伍"), which the sentence announcing the items repeats. */
  term: string;
}

/**
 * A kind the question counts ("哪“三支队伍”" → 3 of 队伍, "四城" → 4 of 城): a list question's term that starts with a
 * count.
 */
function countedKinds(terms: readonly string[]): Counted[] {
  return terms.flatMap((t) => {
    const m = /^([一二两三四五六七八九十]|\d{1,2})[个支项大条类种家座]?(\p{Script=Han}{1,4})$/u.exec(t);
    return m ? [{ count: Number.parseInt(countInDigits(`${m[1]}个`), 10), kind: m[2]!, term: t }] : [];
  });
}

/** "…高素质干部队伍；…企业家队伍；…党员群众队伍": a text in as many parts as the kind counted, each naming one of its items. */
function listsCounted(text: string, counted: readonly Counted[]): boolean {
  const parts = text.replace(/[。；;！!]\s*$/, '').split(/[；;]/);
  return counted.some((c) => c.count >= 2 && parts.length === c.count && parts.every((p) => namesItemOf(c, p)));
}

/** A part naming the kind counted but not the whole ("离不开“三支队伍”的支撑" announces the items and is none of them). */
function namesItemOf({ kind, term }: Counted, text: string): boolean {
  return text.includes(kind) && !text.includes(term);
}

/** A clause that cannot stand alone: a continuation word, or a figure with less than two Han characters before it. */
function leadsWithoutSubject(clause: Span): boolean {
  const t = clause.text.trim();
  if (CONTINUATION.test(t)) return true;
  const firstFigure = extractFigures(t)[0];
  return firstFigure !== undefined && hanCount(t.slice(0, firstFigure.start)) < 2;
}

function clauseGroups(sentence: Span): Span[] {
  const clauses = splitClauses(sentence);
  const dependent = clauses.map(leadsWithoutSubject);
  return clauses.map((clause, i) => {
    let start = i;
    while (start > 0 && i - start < 2 && dependent[start]) start--;
    const s = clauses[start]!.start;
    const e = clause.end;
    return { start: s, end: e, text: sentence.text.slice(s - sentence.start, e - sentence.start) };
  });
}

/**
 * How many of the question's asking sentences a group gives a figure for: each takes a figure of its own whose
 * clause says one of that sentence's words ("实际利用外资4.9亿美元" for "实际用了多少外资").
 */
function partsAnswered(parts: readonly string[][], group: Span, figures: readonly FigureSpan[], stats: TermStats): number {
  // Each figure's own clause, read once.
  const clauses = splitClauses(group, '，,；;：:');
  const clauseOf = figures.map((f) => {
    const clause = clauses.find((c) => f.start >= c.start && f.start < c.end);
    return clause === undefined ? undefined : normalizeForMatch(clause.text);
  });
  const used = new Set<number>();
  let answered = 0;
  for (const terms of parts) {
    const index = figures.findIndex((_, i) => {
      const clause = clauseOf[i];
      return !used.has(i) && clause !== undefined && terms.some((t) => stats.saidIn(t, clause));
    });
    if (index >= 0) {
      used.add(index);
      answered++;
    }
  }
  return answered;
}

/** What a clause naming a single item of the kind a list question asks for loses. */
const ONE_ITEM = 0.8;
/** What a clause group naming three or more items of that kind gains. */
const ITEMS_NAMED = 1.15;

/** What a clause loses for each quantity asked that none of its figures can be. */
const PART_UNANSWERED = 0.3;

/** A clause that does not state the amount the question states. */
const AMOUNT_UNSTATED = 0.9;

/** A definition question's clause that does not name the word asked about. */
const FOCUS_ABSENT = 0.8;

/** Context words (carried over, around a definition's focus) break ties; they never outweigh what was asked. */
const MAX_CONTEXT_BONUS = 0.1;

/** The coverage a clause ranks by: what it says of the question's own terms, and at most a tie-breaking bonus for context. */
function rankCoverage(own: number, context: number, ownTotal: number): number {
  return Math.min(own / ownTotal, 1) + Math.min(context / ownTotal, MAX_CONTEXT_BONUS);
}

/** A word of the passage's headings is the subject of every sentence under them, almost as if the clause said it. */
const IN_HEADING = 0.85;
/** How much more a name the asker quotes weighs than their other words. */
const QUOTED_NAME = 2;

/**
 * A question asking for several things may find them in neighbouring clauses of one sentence: pairs of
 * adjacent clause groups compete too, and the whole sentence when it is short or must be read whole.
 */
function withNeighbours(groups: Span[], sentence: Span, keepWhole: boolean): Span[] {
  if (groups.length < 2) return groups;
  const pairs: Span[] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const a = groups[i]!;
    const b = groups[i + 1]!;
    if (b.start < a.end) continue; // overlapping groups (a continuation) already read together
    pairs.push({ start: a.start, end: b.end, text: sentence.text.slice(a.start - sentence.start, b.end - sentence.start) });
  }
  return keepWhole || groups.length <= 3 || sentence.text.length <= 80 ? [...groups, ...pairs, sentence] : [...groups, ...pairs];
}

/**
 * How much of a term the text around a clause holds: 1 in the clause, 0.85 in a heading, 0.6 in the sentence,
 * 0.45 in the passage; `partial` when the clause holds only some of its characters.
 */
function presence(term: TermForms, group: string, sentence: string, heading: string, passage: string): { credit: number; partial: boolean } {
  const { forms, widened, parts } = term;
  // "进出口" says neither "出口" nor "进口" alone.
  const plain = (text: string) => withoutPairsOf(term.term, text);
  const says = (text: string) => {
    const own = plain(text);
    return forms.some((f) => own.includes(f)) || (widened?.test(own) ?? false);
  };
  if (says(group)) return { credit: 1, partial: false };
  if (says(heading)) return { credit: IN_HEADING, partial: false };
  if (says(sentence)) return { credit: 0.6, partial: false };
  if (says(passage)) return { credit: 0.45, partial: false };
  // Absent as a word, a term may still be half-said in the clause ("平均" ~ "村均"): a little credit per character
  // for a two-character term, per character pair for a longer one, whose scattered characters say nothing
  // ("最低工资" is not in "低保…资金").
  if (parts.length === 0) return { credit: 0, partial: false };
  // Both characters of a two-character term, apart, are two other words ("区…长远" is no "区长"): one character's
  // worth, unless they stand together the other way round ("集聚" for "聚集").
  const clause = plain(group);
  const held = parts.filter((p) => clause.includes(p)).length;
  const apart = held === 2 && parts[0]!.length === 1 && !clause.includes(parts[1]! + parts[0]!);
  return { credit: (PARTIAL_CREDIT * (apart ? 1 : held)) / parts.length, partial: true };
}

const PARTIAL_CREDIT = 0.5;
const CONVERSATION_BONUS = 0.05;

/** A question term's corpus forms and, for partial matches, its characters (two) or character pairs (longer); worked out once per question. */
interface TermForms {
  term: string;
  forms: string[];
  /** The term with a short word inserted ("存量工业建设用地" for 存量工业用地), where it is long enough. */
  widened: RegExp | undefined;
  parts: string[];
}

function termForms(term: string, stats: TermStats): TermForms {
  const chars = [...term].filter((c) => /\p{Script=Han}/u.test(c));
  const known = stats.knownParts(term);
  const parts = known.length > 0 ? known : chars.length < 2 ? [] : chars.length === 2 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
  return { term, forms: [term, ...stats.variants(term)], widened: stats.widened(term), parts };
}

/** A digit or letter in quotes ("那“3”呢？") names a part of a coded name ("“3”即3个战略性新兴产业"), not any 3. */
function quotedCode(term: string, analysis: QuestionAnalysis, stats: TermStats): boolean {
  return /^[\da-z]{1,2}$/i.test(term) && analysis.matchText.includes(`“${term}”`) && stats.documentFrequency(`“${term}”`) > 0;
}

/** Such a code is found only in quotes, whole. */
function quotedCodeForms(term: string): TermForms {
  return { term, forms: [`“${term}”`], widened: undefined, parts: [] };
}

function indicatorFigures(hit: ScoredChunk): FigureSpan[] {
  const target = hit.chunk.metadata.indicator?.target;
  if (!target) return [];
  const at = hit.chunk.pageContent.lastIndexOf(target);
  return at < 0 ? [] : [{ value: target, start: at, end: at + target.length }];
}

/** The period and area asked about weigh on the choice of clause as much as on retrieval. */
function frameFit(hit: ScoredChunk, analysis: QuestionAnalysis): number {
  const m = hit.chunk.metadata;
  const { timeScopes, region } = analysis.frame;
  let fit = 1;
  if (timeScopes.length > 0 && m.timeScope.length > 0 && !m.timeScope.some((s) => timeScopes.includes(s))) fit *= 0.75;
  if ((region ?? 'wujin') !== m.region) fit *= 0.7;
  return fit;
}

/** A sentence with the ones after it, up to a readable length: "how" questions need more than a heading-like sentence. */
function sentenceWindow(sentences: Span[], first: Span, text: string): Span {
  let end = first.end;
  for (const next of sentences) {
    if (next.start < first.end) continue;
    if (end - first.start >= 80 || next.end - first.start > 220) break;
    end = next.end;
  }
  return { start: first.start, end, text: text.slice(first.start, end) };
}

/** Sentences `from` to `to` (inclusive) as one span. */
function spanOver(sentences: Span[], from: number, to: number, text: string): Span {
  const start = sentences[from]!.start;
  const end = sentences[to]!.end;
  return { start, end, text: text.slice(start, end) };
}

/** Every run of `n` consecutive sentences, as one span. */
function sentenceRuns(sentences: Span[], text: string, n: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + n <= sentences.length; i++) out.push(spanOver(sentences, i, i + n - 1, text));
  return out;
}

/** "经发集团立足…；先行集团立足…；国经集团…": the longest runs of three or more sentences that each name an item of the kind asked. */
function itemRuns(sentences: Span[], text: string, kinds: readonly string[]): Span[] {
  if (kinds.length === 0) return [];
  const names = (s: Span) => kinds.some((kind) => itemNames(s.text, kind).size > 0);
  const out: Span[] = [];
  for (let i = 0; i < sentences.length; ) {
    let j = i;
    while (j < sentences.length && names(sentences[j]!)) j++;
    if (j - i >= 3) out.push(spanOver(sentences, i, j - 1, text));
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * Runs of as many consecutive sentences as the kind counted, each naming an item of the kind ("…干部队伍；…企业家队伍；
 * …党员群众队伍。"); a sentence naming the whole ("离不开“三支队伍”的支撑。") announces the items and is none of them.
 */
export function countedRuns(sentences: Span[], text: string, counted: readonly Counted[]): Span[] {
  return counted.flatMap((c) =>
    c.count < 2
      ? []
      : sentences.slice(0, Math.max(0, sentences.length - c.count + 1)).flatMap((_, i) => {
          const run = sentences.slice(i, i + c.count);
          return run.every((s) => namesItemOf(c, s.text)) ? [spanOver(sentences, i, i + run.length - 1, text)] : [];
        }),
  );
}

/**
 * An in-line heading: a short sentence that states a subject and gives no figure. One that goes on from the sentence
 * before ("太湖湾休闲度假城。包括雪堰镇、…") has no subject of its own: the heading before it is still its subject.
 */
function isLeadSentence(text: string): boolean {
  const t = text.trim();
  return hanCount(t) <= 24 && extractFigures(t).length === 0 && !AWARD.test(t) && !CONTINUATION.test(t) && !SUBJECTLESS.test(t);
}

/** A sentence naming the parts of the subject before it. */
const SUBJECTLESS = /^(?:包括|包含|涵盖|即)/;

/** A sentence reporting an award or a ranking ("太湖湾音乐节入选…十佳案例") is a fact of its own, not the subject of the next. */
const AWARD = /入选|获评|获批|成为|位列/;

/** Han characters of a text. */
const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;

/**
 * How exactly the words naming the first figure match the question: "规上工业总产值达6300亿元" names
 * 规上工业总产值 and little else, "高新技术产业产值占规上工业总产值比重" names much more. Prefers the precise label.
 */
function labelFit(hit: ScoredChunk, group: Span, figures: FigureSpan[], terms: TermForms[]): number {
  const indicator = hit.chunk.metadata.indicator;
  const text = hit.chunk.pageContent;
  if (indicator || figures.length === 0) return fitOf(normalizeForMatch(indicator ? indicator.name : group.text), terms);
  // Each figure's own label, from the previous figure (a group of several figures is as precise as its labels are on average).
  const fits = figures.map((f, i) => fitOf(normalizeForMatch(text.slice(i === 0 ? group.start : figures[i - 1]!.end, f.start)), terms));
  return fits.reduce((a, b) => a + b, 0) / fits.length;
}

function fitOf(label: string, terms: TermForms[]): number {
  const labelHan = hanCount(label);
  if (labelHan === 0) return 0.8;
  let matched = 0;
  for (const { forms } of terms) {
    // The longest form present: "实际利用外资" names the label better than its part "外资".
    let longest = '';
    for (const f of forms) if (f.length > longest.length && label.includes(f)) longest = f;
    if (longest) matched += hanCount(longest);
  }
  return 0.7 + 0.3 * Math.min(1, matched / labelHan);
}

/** How a passage divides into sentences and in-line headings: the same for every question, so worked out once per passage. */
interface Layout {
  sentences: Span[];
  /** The normalised in-line heading in force at an offset ('' before the first). */
  leadBefore: (at: number) => string;
  /** "西太湖生态科学城。包括…": the in-line heading right before a sentence that goes on from it, the sentence's subject. */
  subjectOf: (sentence: Span) => Span | undefined;
}

const layouts = new WeakMap<ScoredChunk['chunk'], Layout>();

function layoutOf(hit: ScoredChunk): Layout {
  let layout = layouts.get(hit.chunk);
  if (!layout) {
    const text = hit.chunk.pageContent;
    const sentences = hit.chunk.metadata.kind === 'paragraph' ? splitSentences(text) : [{ start: 0, end: text.length, text }];
    // A short sentence without figures ("城市面貌焕新升级。", "依托绿色低碳产业，打造绿色低碳服务集聚区。") is an
    // in-line heading: the subject of the sentences after it, like the section headings.
    const leadSpans = sentences.filter((x) => isLeadSentence(x.text));
    // A later piece of a long paragraph goes on under the paragraph's own heading sentence.
    const paragraphLead = hit.chunk.metadata.paragraphLead;
    const leads = [
      ...(paragraphLead !== undefined && isLeadSentence(paragraphLead) ? [{ start: -1, norm: normalizeForMatch(paragraphLead) }] : []),
      ...leadSpans.map((l) => ({ start: l.start, norm: normalizeForMatch(l.text) })),
    ];
    layout = {
      sentences,
      leadBefore: (at) => leads.findLast((l) => l.start <= at)?.norm ?? '',
      subjectOf: (sentence) => (SUBJECTLESS.test(sentence.text.trim()) ? leadSpans.find((l) => text.slice(l.end, sentence.start).trim() === '') : undefined),
    };
    layouts.set(hit.chunk, layout);
  }
  return layout;
}

/** Clause groups of a passage sentence, by its offset and text (bounded: the runs of sentences a multi-part question reads add more). */
const groupsByKey = boundedMemo((key) => {
  const colon = key.indexOf(':');
  const start = Number(key.slice(0, colon));
  const text = key.slice(colon + 1);
  return clauseGroups({ start, end: start + text.length, text });
}, 20_000);

function clauseGroupsOf(sentence: Span): Span[] {
  return groupsByKey(`${sentence.start}:${sentence.text}`);
}

/** Whether a glossary or footnote entry defines what was asked. "…OPC社区…，OPC是什么意思？": the word right before the definition question is the one asked about. */
function namesEntryTerm(hit: ScoredChunk, focus: string | undefined, terms: string[], ownTerms: string[], question: string): boolean {
  const written = normalizeForMatch(hit.chunk.metadata.term ?? '');
  const term = written.replace(/[“”"‘’]/g, '');
  if (term.length === 0) return false;
  // The question may write a little less or a little more than the entry term ("四城共建" for the entry "四城").
  const namesTerm = (t: string) => t === term || (t.length >= 2 && term.includes(t) && t.length >= term.length - 2) || (term.length >= 2 && t.includes(term) && t.length <= term.length + 2);
  // The quoted part of an entry term is its name, the rest a common head: "爱心榕" names "“爱心榕”行动".
  const name = /“([^”]{2,})”/.exec(written)?.[1];
  // Without a focus, the question may still write the whole entry term, which its segmentation cut up ("“46X”生态体系").
  return focus ? namesTerm(focus) : terms.some(namesTerm) || (term.length >= 3 && question.includes(term)) || (name !== undefined && ownTerms.includes(name));
}

/** Scores every clause group of the top passages against the question and returns them best first. */
export function selectPassages(analysis: QuestionAnalysis, hits: ScoredChunk[], stats: TermStats): Selection[] {
  const terms = analysis.contentTerms;
  const termForm = terms.map((t) => (quotedCode(t, analysis, stats) ? quotedCodeForms(t) : termForms(t, stats)));
  // A name the asker puts in quotes ("那个“一件事”") is what they ask about; the words around it are their description.
  const weights = terms.map((t) => stats.weight(t) * termFactor(analysis, t) * (analysis.matchText.includes(`“${t}”`) && stats.documentFrequency(t) > 0 ? QUOTED_NAME : 1));
  const focus = definitionFocus(analysis);
  const unquoted = analysis.matchText.replace(/[“”"‘’]/g, '');
  // Context terms (carried over, self-description) and the words around a definition's focus ("报告里说的OPC社区，OPC是什么意思？").
  const isContext = terms.map((t) => analysis.contextTerms.includes(t) || aroundFocus(focus, t));
  // (Only the question's own words name an entry by its quoted name; a name carried over is the earlier topic.)
  const ownTerms = terms.filter((t) => !analysis.contextTerms.includes(t));
  const focusIndexes = terms.flatMap((t, i) => (focus !== undefined && !isContext[i] ? [i] : []));
  // What the question must find is what it names itself; terms carried over from earlier turns are context,
  // a bonus for passages that keep to the earlier topic, never a share a new topic's passage lacks.
  const heaviest = weights.reduce((top, w, i) => (isContext[i] || (top >= 0 && w <= weights[top]!) ? top : i), -1);
  const ownTotal = weights.reduce((a, w, i) => a + (isContext[i] ? 0 : w), 0) || 1;
  const maxRetrieval = Math.max(...hits.map((h) => h.score), 1e-9);
  const measures = askedMeasures(analysis.normalized);
  // "A和B分别…", "多少…、多少…": the parts may lie anywhere in one sentence, which then competes whole.
  const multiPart = asksSeveral(analysis.normalized);
  const asksWhen = WHEN_QUESTION.test(analysis.normalized);
  // An amount the question states in digits ("超30亿元的呢？") is the condition its answer counts under: the clause stating
  // it answers. (Not English amounts: the documents write "超1亿元" and "超亿元" alike, which a translation cannot tell apart.)
  const amounts = analysis.intent === 'figure' && analysis.script !== 'en' ? statedAmounts(analysis.normalized) : [];
  // How many items of the kind asked a text names ("经发集团…；先行集团…；国经集团…" names three of 集团).
  const itemsNamed = (text: string) => Math.max(0, ...analysis.itemKinds.map((k) => itemNames(text, k).size));
  // A sentence lists its items one clause each when a last clause counts them or when it names three or more of the kind asked.
  const counted = analysis.intent === 'list' ? countedKinds(terms) : [];
  const listsItems = (text: string) => countsItsClauses(text) || itemsNamed(text) >= 3 || listsCounted(text, counted);
  // A passage that goes on with the conversation's earlier topic wins a near tie, and no more.
  const earlier = analysis.conversationTerms.map((t) => ({ forms: [t, ...stats.variants(t)], weight: stats.weight(t) }));
  const earlierTotal = earlier.reduce((a, t) => a + t.weight, 0);
  const conversationFit = (passage: string) =>
    earlierTotal === 0 ? 1 : 1 + CONVERSATION_BONUS * (earlier.reduce((a, t) => a + (t.forms.some((f) => passage.includes(f)) ? t.weight : 0), 0) / earlierTotal);
  const out: Selection[] = [];

  for (const hit of hits) {
    const text = hit.chunk.pageContent;
    const kind = hit.chunk.metadata.kind;
    const retrieval = (0.7 + 0.3 * (hit.score / maxRetrieval)) * frameFit(hit, analysis);
    const asksForTerm = namesEntryTerm(hit, focus, terms, ownTerms, unquoted);
    const rowUnit = hit.chunk.metadata.indicator?.unit;
    const sectionNorm = normalizeForMatch(headingText(hit.chunk));
    const passageNorm = normalizeForMatch(text);
    const { sentences, leadBefore, subjectOf } = layoutOf(hit);
    const conversation = conversationFit(`${sectionNorm} ${passageNorm}`);
    // The parts of a multi-part question may stand in neighbouring sentences ("…3万亩；…2万亩；猪肉自给率30%").
    const runs =
      kind !== 'paragraph' ? []
      : multiPart && analysis.intent === 'figure' ? [...sentenceRuns(sentences, text, 2), ...sentenceRuns(sentences, text, 3)]
      : analysis.intent === 'list' ? [...itemRuns(sentences, text, analysis.itemKinds), ...countedRuns(sentences, text, counted)]
      : [];
    // A sentence without a subject is read, and quoted, with the heading it goes on from.
    const withSubjects = sentences.map((own) => {
      const subject = subjectOf(own);
      return subject ? { start: subject.start, end: own.end, text: text.slice(subject.start, own.end) } : own;
    });
    for (const sentence of [...withSubjects, ...runs]) {
      const sentenceNorm = normalizeForMatch(sentence.text);
      const headingNorm = `${sectionNorm} ${leadBefore(sentence.start)}`;
      const groups =
        // A time answers "when" for the sentence's subject, often named in an earlier clause: the sentence competes whole.
        kind !== 'paragraph' || analysis.intent === 'definition' || asksWhen || runs.includes(sentence)
          ? [sentence]
          : analysis.intent === 'general'
            ? [sentenceWindow(sentences, sentence, text)]
            : withNeighbours(clauseGroupsOf(sentence), sentence, multiPart || (analysis.intent === 'list' && listsItems(sentence.text)));
      for (const group of groups) {
        const groupNorm = normalizeForMatch(group.text);
        let covered = 0;
        let contextCovered = 0;
        let inGroup = 0;
        let lacksMainTerm = false;
        for (let i = 0; i < terms.length; i++) {
          const found = presence(termForm[i]!, groupNorm, sentenceNorm, headingNorm, passageNorm);
          // A term carried over from earlier turns is context: found nearby is enough, and it must not draw
          // the answer to a clause that repeats the earlier topic instead of naming the new one.
          const p = isContext[i] ? Math.min(found.credit, 0.6) : found.credit;
          covered += weights[i]! * p;
          if (isContext[i]) contextCovered += weights[i]! * p;
          // Said in the clause or its headings, or partly in the clause: the clause itself names it.
          if (p >= IN_HEADING || found.partial) inGroup += weights[i]! * p;
          if (i === heaviest && (found.partial || found.credit === 0)) lacksMainTerm = true;
        }
        const coverage = covered / ownTotal;
        const groupCoverage = inGroup / ownTotal;
        const figures = kind === 'indicator' ? indicatorFigures(hit) : extractFigures(group.text).map((f) => ({ ...f, start: f.start + group.start, end: f.end + group.start }));

        let intentFactor = 1;
        // A clause whose figures are all another kind of quantity than asked ("多少个" → "4.9亿美元") answers less well.
        if (analysis.intent === 'figure') intentFactor = figures.length === 0 ? 0.55 : !figures.some((f) => fitsAny(measures, withRowUnit(f.value, rowUnit))) ? 0.7 : 1;
        // "How much capital …, and how many projects": a clause with a figure for each quantity asked answers more of it.
        if (analysis.intent === 'figure' && measures.length > 1 && figures.length > 0) {
          const answered = measures.filter((m) => figures.some((f) => measureFits(m, withRowUnit(f.value, rowUnit)))).length;
          intentFactor *= 1 - PART_UNANSWERED * (1 - answered / measures.length);
        }
        // "…多少个外资项目？实际用了多少外资？": a clause group with a figure for each sentence asking one answers more of it.
        if (analysis.intent === 'figure' && analysis.askingParts.length > 1) intentFactor *= 1 - PART_UNANSWERED * (1 - partsAnswered(analysis.askingParts, group, figures, stats) / analysis.askingParts.length);
        if (analysis.intent === 'figure') intentFactor *= baseFit(analysis.base, sentenceNorm);
        // A question in several parts ("3000万元以上的…多少个？其中超30亿元的有几个？") asks under each amount it states.
        if (amounts.length > 0 && !(multiPart ? amounts.every((a) => groupNorm.includes(a)) : amounts.some((a) => groupNorm.includes(a)))) intentFactor *= AMOUNT_UNSTATED;
        if (analysis.intent === 'figure' && asksWhen) intentFactor = TIME_EXPRESSION.test(group.text) ? 1 : 0.55;
        if (analysis.intent === 'list') {
          const named = itemsNamed(group.text);
          intentFactor = ENUMERATION.test(group.text) || countsItsClauses(group.text) || named >= 3 || kind === 'glossary' ? 1 : 0.7;
          // "有哪几家集团": a clause naming one item of the kind ("先行集团立足…") is a part of the list, not the list;
          // sentences naming several ("经发集团…；先行集团…；国经集团…") are the list itself.
          intentFactor *= named === 1 ? ONE_ITEM : named >= 3 || listsCounted(group.text, counted) ? ITEMS_NAMED : 1;
        }
        if (analysis.intent === 'definition') intentFactor = asksForTerm ? 1.3 : /即|是指|指的是|：/.test(group.text) ? 0.9 : 0.75;
        // A definition is stated next to the word it defines: a clause without the word asked about only mentions its subject.
        if (focus !== undefined && !focusIndexes.some((i) => termForm[i]!.forms.some((f) => groupNorm.includes(f)))) intentFactor *= FOCUS_ABSENT;
        else if (asksForTerm && analysis.intent === 'list') intentFactor = 1.3;
        const fit = analysis.intent === 'figure' ? labelFit(hit, group, figures, termForm) : 1;
        const brevity = 1 - Math.min(0.08, group.text.length / 3000);
        out.push({ hit, sentence, group, figures, coverage, groupCoverage, lacksMainTerm, score: rankCoverage(covered - contextCovered, contextCovered, ownTotal) * intentFactor * retrieval * brevity * fit * conversation });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
