/** The evaluation harness: its metrics on hand-made cases, the assistant against the CI floors, and --url mode. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../src/answer/types.js';
import { belowFloors, loadFloors } from '../src/eval/floors.js';
import type { GoldItem } from '../src/eval/gold.js';
import { citationCorrect, firstRelevantRank, missingExpected, unsupportedNumbers } from '../src/eval/metrics.js';
import { markdownReport } from '../src/eval/report.js';
import { runEval, type EvalRun } from '../src/eval/run-eval.js';
import { scoreItem, summarize } from '../src/eval/score.js';
import type { RunningServer } from '../src/server/node.js';
import { startTestServer } from './helpers/server.js';

const item: GoldItem = {
  id: 'y2025-99',
  question: '2025年地区生产总值是多少？',
  answerable: true,
  expect: ['3570亿元'],
  sources: [{ docId: 'work-report-2026', quote: '全年预计完成地区生产总值3570亿元' }],
  category: 'y2025',
  split: 'dev',
};
const cite = (text: string, section = ''): Citation => ({ chunkId: 'x', docId: 'work-report-2026', docTitle: '2026年政府工作报告', section, text, start: 0, end: 0, score: 1 });

describe('metrics', () => {
  it('matches figures verbatim after NFKC, white space and traditional-to-simplified folding', () => {
    expect(missingExpected(item, '全年預計完成地區生產總值３５７０ 億元。')).toEqual([]);
    expect(missingExpected(item, '地区生产总值约3600亿元')).toEqual(['3570亿元']);
    expect(missingExpected(item, '地区生产总值3570元')).toEqual(['3570亿元']);
  });

  it('counts a citation only when a top-3 passage holds the gold quote', () => {
    const right = cite('……全年预计完成地区生产总值3570亿元、一般公共预算收入225亿元……');
    expect(citationCorrect(item, [right])).toBe(true);
    expect(citationCorrect(item, [cite('a'), cite('b'), cite('c'), right])).toBe(false);
    expect(firstRelevantRank(item, [{ text: 'a' }, { text: 'b' }, right])).toBe(3);
    expect(firstRelevantRank(item, [{ text: 'a' }])).toBe(0);
  });

  it('flags a number no citation states, but not citation markers or numbers in the cited section path', () => {
    const citations = [cite('地区生产总值3570亿元', '2025年及“十四五”工作回顾')];
    expect(unsupportedNumbers({ answer: '2025年地区生产总值3570亿元。[1]', citations })).toEqual([]);
    expect(unsupportedNumbers({ answer: '地区生产总值3600亿元。[1]', citations })).toEqual(['3600']);
    expect(unsupportedNumbers({ answer: '增长5.5%', citations })).toEqual(['5.5']);
  });

  it('scores refusals: precision over what was refused, recall over what had to be', () => {
    const un: GoldItem = { ...item, id: 'unanswerable-99', answerable: false, expect: [], sources: [], category: 'unanswerable' };
    const no = { answer: '文件中没有相关内容。', found: false, citations: [], passages: [], ms: 1 };
    const yes = { answer: '全年预计完成地区生产总值3570亿元。', found: true, citations: [cite('全年预计完成地区生产总值3570亿元')], passages: [], ms: 2 };
    const s = summarize([scoreItem(un, no), scoreItem(item, no), scoreItem(un, yes)]);
    expect(s.refusalRecall).toBe(0.5);
    expect(s.refusalPrecision).toBe(0.5);
    expect(s.figureAccuracy).toBe(0);
    const good = summarize([scoreItem(item, yes), scoreItem(un, no)]);
    expect([good.correct, good.figureAccuracy, good.citationAccuracy, good.refusalRecall, good.numericFidelity]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('the assistant on the test split', () => {
  let run: EvalRun;
  beforeAll(async () => {
    run = await runEval({ split: 'test' });
  }, 120_000);

  it('holds every floor in evals/floors.json (numeric fidelity 100%)', () => {
    // Only the figures, never the questions: the test split stays unseen by whoever tunes the engine.
    expect(belowFloors(run, loadFloors())).toEqual([]);
  });

  it('beats the naive LangChain 1000/200 pipeline, which never declines', () => {
    const assistant = run.systems.find((s) => s.name === run.primary)!.summary!;
    const naive = run.systems.find((s) => s.name === 'naive')!.summary!;
    expect(assistant.correct).toBeGreaterThan(naive.correct);
    expect(assistant.refusalRecall).toBeGreaterThan(naive.refusalRecall);
    expect(assistant.meanAnswerChars).toBeLessThan(naive.meanAnswerChars / 2);
  });

  it('writes a report that lists every failure and says which baselines were not available', () => {
    const md = markdownReport(run);
    const primary = run.systems.find((s) => s.name === run.primary)!;
    const failures = primary.results.filter((r) => !r.correct);
    // Booleans, not toContain: a failing assertion must not print the test split's answers into the log one tunes from.
    expect(md.includes(`## Failures of ${run.primary} (${failures.length})`)).toBe(true);
    expect(failures.filter((f) => !md.includes(`| ${f.id} (test) |`)).map((f) => f.id)).toEqual([]);
    expect(/\| dense \| (not available|\d)/.test(md)).toBe(true);
  });
});

describe('--url: a running server gives the same results as the engine in process', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('evaluates over HTTP', async () => {
    const opts = { split: 'dev' as const, categories: ['y2025' as const, 'unanswerable' as const], embed: false as const };
    const viaHttp = await runEval({ ...opts, url: server.url, baselines: false });
    const inProcess = await runEval({ ...opts, baselines: false });
    expect(viaHttp.primary).toBe('server');
    const strip = (r: EvalRun) => r.systems[0]!.results.map(({ ms: _ms, ...rest }) => rest);
    expect(strip(viaHttp)).toEqual(strip(inProcess));
    expect(viaHttp.systems[0]!.summary!.errors).toBe(0);
  });
});
