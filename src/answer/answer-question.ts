import type { Chunk, DocumentEntry } from '../ingest/types.js';
import { analyzeQuestion, type ChatTurn, type QuestionAnalysis } from '../retrieve/analyze-question.js';
import { timeCompatible } from '../retrieve/query-frame.js';
import type { Retriever, ScoredChunk } from '../retrieve/retriever.js';
import { normalizeForMatch } from '../text/normalize.js';
import { composeFound, composeNotFound, type Statement } from './compose.js';
import { refuseBeforeRetrieval, uncoveredYear, type RefusalReason } from './out-of-scope.js';
import { numbersIn } from './figures.js';
import { alignRespectively, type RespectivePair } from './respectively.js';
import { CONTINUATION, selectPassages, type Selection } from './select-passage.js';
import { trimPunctuation } from './split-clauses.js';
import type { TermStats } from './term-stats.js';
import type { AnswerResult, Citation, Figure, RankedPassage } from './types.js';

/** Below this share of the question's topic found in the best passage, the documents do not answer it. */
export const MIN_COVERAGE = 0.6;
/** …and at least this share must stand in the answering clause itself, not merely nearby. */
export const MIN_GROUP_COVERAGE = 0.5;
/** A second document's statement is shown beside the first when it covers the question nearly as well. */
const CONFLICT_RATIO = 0.85;
const RETRIEVE_K = 12;
/** The top lexical passages always reach clause selection, even when fusion ranks them lower. */
const LEXICAL_KEEP = 5;
const RELATED_ON_REFUSAL = 3;
const COUNT_QUESTION = /多少|几[个家项所万亿人次名座条]|how many|how much/;

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
    score: Math.round(hit.score * 1000) / 1000,
  };
}

/**
 * The figures of a selection that belong to what was asked: those whose own label (the words since the
 * previous figure) names the most question weight; a figure that follows them without a label of its
 * own ("…超1300亿元、占集群比重62%") goes with them.
 */
function relevantFigures(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): string[] {
  const text = sel.hit.chunk.pageContent;
  const all = sel.figures;
  // A figure the question itself states ("3000万元以上项目") is the question's condition, not its answer.
  const asked = normalizeForMatch(analysis.question);
  const weightIn = (label: string) =>
    analysis.contentTerms.reduce((sum, t) => sum + ([t, ...stats.variants(t)].some((v) => label.includes(v)) ? stats.weight(t) : 0), 0);
  let previous = 0;
  const labelWeight = all.map((f, i) => {
    const from = Math.max(sel.group.start, i > 0 ? all[i - 1]!.end : sel.group.start);
    const raw = text.slice(from, f.start).replace(/^[、，,；\s]+/, '');
    // "…2285家、较“十三五”末增长133.6%": a label without a subject of its own continues the previous one,
    // slightly discounted so that it wins only by naming something more of the question.
    const own = weightIn(normalizeForMatch(raw));
    const weight = CONTINUATION.test(raw) ? previous * 0.9 + own : own;
    previous = weight;
    return asked.includes(normalizeForMatch(f.value)) ? -1 : weight;
  });
  const best = Math.max(0, ...labelWeight);
  if (best === 0) return all.filter((_, i) => labelWeight[i] === 0).map((f) => f.value);
  return all.filter((_, i) => labelWeight[i] === best).map((f) => f.value);
}

/** A passage about another period or about the district when the 经开区 was asked (or the reverse) does not answer. */
function frameAllows(sel: Selection, analysis: QuestionAnalysis): boolean {
  const m = sel.hit.chunk.metadata;
  const { frame } = analysis;
  // Definitions (glossary, footnotes) hold for the district and the zone alike.
  const definition = m.kind === 'glossary' || m.kind === 'footnote';
  if (!definition && frame.region === 'cetdz' && m.region !== 'cetdz' && !sel.sentence.text.includes('经开区')) return false;
  if (!frame.timeInferred && !timeCompatible(frame, m.timeScope)) return false;
  return true;
}

function focusPairs(sel: Selection, analysis: QuestionAnalysis, stats: TermStats): RespectivePair[] | undefined {
  // Only when the answering clause is the 分别 list itself, not another clause of the same sentence.
  if (!sel.group.text.includes('分别') && !sel.sentence.text.slice(sel.group.end - sel.sentence.start).startsWith('分别')) return undefined;
  const pairs = alignRespectively(sel.sentence.text);
  if (!pairs) return undefined;
  // The items naming the most question weight are the ones asked about; words shared by all items decide nothing.
  const weightOf = (p: RespectivePair) => {
    const item = normalizeForMatch(p.item);
    return analysis.contentTerms.reduce((sum, t) => sum + ([t, ...stats.variants(t)].some((v) => item.includes(v)) ? stats.weight(t) : 0), 0);
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

/** The best statement from another document about the same thing, when the figures it gives for it differ. */
function conflictingStatement(best: Selection, ranked: Selection[], analysis: QuestionAnalysis, stats: TermStats): Selection | undefined {
  if (analysis.intent !== 'figure' && analysis.intent !== 'general') return undefined;
  if (best.figures.length === 0) return undefined;
  const bestDoc = best.hit.chunk.metadata.docId;
  const bestValues = figureKey(relevantFigures(best, analysis, stats));
  const other = ranked.find(
    (s) =>
      s.hit.chunk.metadata.docId !== bestDoc &&
      s.figures.length > 0 &&
      s.coverage >= Math.max(MIN_COVERAGE, best.coverage * CONFLICT_RATIO) &&
      s.score >= best.score * 0.6 &&
      scopesCompatible(best.hit.chunk, s.hit.chunk, analysis),
  );
  return other && figureKey(relevantFigures(other, analysis, stats)) !== bestValues ? other : undefined;
}

/** Numbers and qualifiers, without units and notes: "11以上（累计）" and "11万人以上" state the same figure. */
function figureKey(values: string[]): string {
  return values.map((v) => `${numbersIn(v).join(',')}${(v.match(/超过|超|近|约|突破|逾|不少于|不低于|以上|以下|以内|左右/g) ?? []).join('')}`).sort().join('|');
}

function rankedPassage(hit: ScoredChunk): RankedPassage {
  const m = hit.chunk.metadata;
  const out: RankedPassage = { chunkId: m.id, docId: m.docId, section: m.section.join(' > '), text: hit.chunk.pageContent, score: Math.round(hit.score * 1000) / 1000 };
  if (hit.lexicalRank !== undefined) out.lexicalRank = hit.lexicalRank;
  if (hit.denseRank !== undefined) out.denseRank = hit.denseRank;
  return out;
}

function withPassages(result: AnswerResult, hits: ScoredChunk[], opts: AnswerOptions): AnswerResult {
  return opts.explain ? { ...result, passages: hits.map(rankedPassage) } : result;
}

function notFound(reason: RefusalReason, analysis: QuestionAnalysis, related: ScoredChunk[], ctx: AnswerContext, mode: AnswerResult['mode'], started: number): AnswerResult {
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
  };
}

/** Extractive answer: the source's own clause, figures verbatim, cited; or a plain statement that the documents do not say. */
export async function answerQuestion(question: string, ctx: AnswerContext, opts: AnswerOptions = {}): Promise<AnswerResult> {
  const { result, hits } = await answerFromHits(question, ctx, opts);
  return withPassages(result, hits, opts);
}

async function answerFromHits(question: string, ctx: AnswerContext, opts: AnswerOptions): Promise<{ result: AnswerResult; hits: ScoredChunk[] }> {
  const started = Date.now();
  const analysis = analyzeQuestion(question, opts.history ?? []);
  const mode = ctx.retriever.mode;

  const early = refuseBeforeRetrieval(analysis, ctx.corpusText);
  if (early) return { result: notFound(early.reason, analysis, [], ctx, mode, started), hits: [] };

  const hits = await ctx.retriever.search(analysis, RETRIEVE_K, opts.docs, LEXICAL_KEEP);
  const ranked = selectPassages(analysis, hits, ctx.stats).filter((sel) => frameAllows(sel, analysis));
  const best = ranked[0];
  const related = analysis.contentTerms.length > 0 ? hits.filter((h) => h.score > 0.3) : [];
  if (!best || best.coverage < MIN_COVERAGE || best.groupCoverage < MIN_GROUP_COVERAGE) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started), hits };
  if (uncoveredYear(analysis, best.sentence.text) !== undefined) return { result: notFound('other-year', analysis, related, ctx, mode, started), hits };
  // "多少/几…" asks for a number: a passage on the topic that gives none does not answer it.
  if (COUNT_QUESTION.test(normalizeForMatch(question)) && best.figures.length === 0) return { result: notFound('not-in-documents', analysis, related, ctx, mode, started), hits };

  const chosen: Selection[] = [best];
  const other = conflictingStatement(best, ranked, analysis, ctx.stats);
  if (other) chosen.push(other);

  // Citations: the chosen passages first (in statement order), then the other top passages for context.
  const citedHits: ScoredChunk[] = [];
  for (const sel of chosen) if (!citedHits.includes(sel.hit)) citedHits.push(sel.hit);
  for (const h of hits) if (citedHits.length < 5 && !citedHits.includes(h) && h.score > 0.3) citedHits.push(h);
  const citations = citedHits.map((h) => citationOf(h, ctx.documents));

  const statements = chosen.map((sel) => statementOf(sel, analysis, ctx.stats, ctx.documents, citedHits.indexOf(sel.hit) + 1));
  const figures: Figure[] = statements.flatMap((s) =>
    s.focus
      ? s.focus.map((p) => ({ value: p.value, context: `${p.item}：${p.verb}${p.value}`, citation: s.citation }))
      : s.figures.map((value) => ({ value, context: trimPunctuation(s.quote), citation: s.citation })),
  );

  const result: AnswerResult = {
    answer: composeFound(statements, analysis.script),
    found: true,
    citations,
    figures,
    mode,
    tookMs: Date.now() - started,
    script: analysis.script,
  };
  return { result, hits };
}
