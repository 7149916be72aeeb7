import { percentile } from '../bench/latency-stats.js';
import type { Category, GoldItem } from './gold.js';
import { citationCorrect, firstRelevantRank, missingExpected, unsupportedNumbers } from './metrics.js';
import type { SystemAnswer } from './systems.js';

/** One question's outcome for one system. */
export interface ItemResult {
  id: string;
  category: Category;
  split: 'dev' | 'test';
  question: string;
  answerable: boolean;
  expected: string[];
  found: boolean;
  answer: string;
  /** Expected strings absent from the answer. */
  missing: string[];
  figureOk: boolean;
  citationOk: boolean;
  /** 1-based rank of the first passage holding a gold quote; 0 if none of the ranked passages does. */
  rank: number;
  /** Numbers of the answer that no citation of it states. */
  unsupported: string[];
  /** The question counts as right: refused when unanswerable; otherwise the figures and the citation are right. */
  correct: boolean;
  citations: string[];
  /** Which check of the system declined to answer, when it says (the report groups false refusals by it). */
  declinedBy?: string;
  ms: number;
  error?: string;
}

export function scoreItem(item: GoldItem, got: SystemAnswer): ItemResult {
  const missing = item.answerable ? missingExpected(item, got.answer) : [];
  const figureOk = item.answerable && got.found && missing.length === 0;
  const citationOk = item.answerable && got.found && citationCorrect(item, got.citations);
  return {
    id: item.id,
    category: item.category,
    split: item.split,
    question: item.question,
    answerable: item.answerable,
    expected: item.expect,
    found: got.found,
    answer: got.answer,
    missing,
    figureOk,
    citationOk,
    rank: item.answerable ? firstRelevantRank(item, got.passages) : 0,
    unsupported: unsupportedNumbers(got),
    correct: item.answerable ? figureOk && citationOk : !got.found,
    citations: got.citations.map((c) => c.chunkId),
    ...(got.found || got.declinedBy === undefined ? {} : { declinedBy: got.declinedBy }),
    ms: got.ms,
  };
}

/** A failed call (server down, 5xx): counted as a wrong answer, never skipped. */
export function errorResult(item: GoldItem, error: unknown): ItemResult {
  const none: SystemAnswer = { answer: '', found: false, citations: [], passages: [], ms: 0 };
  return { ...scoreItem(item, none), correct: false, error: error instanceof Error ? error.message : String(error) };
}

export interface Summary {
  n: number;
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose answer holds every expected figure verbatim. */
  figureAccuracy: number;
  /** Share of answerable questions with every gold quote in a top-3 citation. */
  citationAccuracy: number;
  hit1: number;
  hit5: number;
  mrr: number;
  refusalPrecision: number;
  refusalRecall: number;
  /** Share of answers every number of which stands in one of their citations. */
  numericFidelity: number;
  /** Share of questions answered right as a whole (see ItemResult.correct). */
  correct: number;
  p50: number;
  p95: number;
  meanAnswerChars: number;
  errors: number;
}

const share = (num: number, den: number) => (den === 0 ? Number.NaN : num / den);

export function summarize(results: ItemResult[]): Summary {
  const ans = results.filter((r) => r.answerable);
  const un = results.filter((r) => !r.answerable);
  const refused = results.filter((r) => !r.found);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    n: results.length,
    answerable: ans.length,
    unanswerable: un.length,
    figureAccuracy: share(ans.filter((r) => r.figureOk).length, ans.length),
    citationAccuracy: share(ans.filter((r) => r.citationOk).length, ans.length),
    hit1: share(ans.filter((r) => r.rank === 1).length, ans.length),
    hit5: share(ans.filter((r) => r.rank >= 1 && r.rank <= 5).length, ans.length),
    mrr: share(ans.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0), ans.length),
    // No refusal at all is vacuously precise only when nothing needed refusing.
    refusalPrecision: refused.length === 0 ? (un.length === 0 ? 1 : 0) : share(refused.filter((r) => !r.answerable).length, refused.length),
    refusalRecall: share(un.filter((r) => !r.found).length, un.length),
    numericFidelity: share(results.filter((r) => r.unsupported.length === 0).length, results.length),
    correct: share(results.filter((r) => r.correct).length, results.length),
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    meanAnswerChars: share(results.reduce((s, r) => s + r.answer.length, 0), results.length),
    errors: results.filter((r) => r.error).length,
  };
}
