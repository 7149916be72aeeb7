/** The bench's result shape (also written as JSON) and its plain-text tables. */
import type { LatencySummary } from './latency-stats.js';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface ColdStartSummary {
  runs: number;
  retrieval: string;
  dense: string;
  /** Spawn → answer, parent's clock. */
  wallMs: { median: number; min: number; max: number; all: number[] };
  /** Medians of the child's own timings. */
  bootMs: number;
  importMs: number;
  buildMs: number;
  answerMs: number;
  peakRssMB: number;
}

export interface LoadSummary {
  concurrency: number;
  passes: number;
  requests: number;
  errors: number;
  latency: LatencySummary;
  reqPerSec: number;
  wallMs: number;
  stoppedByDeadline: boolean;
}

export interface BenchReport {
  meta: { startedAt: string; node: string; cpus: number; platform: string; questions: number; groups: Record<string, number>; benchWallMs: number };
  coldStart: { lexical: ColdStartSummary; default: ColdStartSummary };
  indexBuild: {
    runs: number;
    chunks: number;
    firstRunMs: number;
    meanMs: { parse: number; writeChunks: number; lexical: number; total: number };
    dense: string;
    denseMs: number | null;
  };
  inProcess: { passes: number; latency: LatencySummary; questionsPerSec: number; foundPerPass: number; notFoundPerPass: number; errors: number };
  http: { serverPid: number; serverMode: string; serverReadyMs: number; c1: LoadSummary; c8: LoadSummary };
  memoryMB: { benchSampledPeak: number; benchVmHWM: number | null; serverVmHWM: number | null; serverRssAtReady: number | null; serverRssAfterC1: number | null; serverRssAtEnd: number | null; coldLexical: number; coldDefault: number };
  targets: TargetCheck[];
  errors: { total: number; samples: string[] };
}

const f = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

/** Left-aligned first column (and `leftFrom` onwards), right-aligned numbers; ASCII only so widths line up in any terminal. */
export function table(headers: string[], rows: string[][], leftFrom = headers.length): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= leftFrom ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

export function renderReport(r: BenchReport): string {
  const cold = (name: string, c: ColdStartSummary) => [
    name,
    c.retrieval,
    f(c.wallMs.median, 0),
    `${f(c.wallMs.min, 0)}-${f(c.wallMs.max, 0)}`,
    f(c.bootMs, 0),
    f(c.importMs, 0),
    f(c.buildMs, 0),
    f(c.answerMs, 1),
    f(c.peakRssMB),
  ];
  const lat = (name: string, l: LatencySummary, extra: string[]) => [name, String(l.n), f(l.p50, 2), f(l.p95, 2), f(l.p99, 2), f(l.mean, 2), f(l.max, 2), ...extra];
  const load = (l: LoadSummary) => lat(`HTTP c=${l.concurrency}`, l.latency, [f(l.reqPerSec), String(l.errors)]);
  const ib = r.indexBuild;
  const m = r.memoryMB;

  return [
    `Wujin policy QA bench: ${r.meta.questions} questions, node ${r.meta.node}, ${r.meta.cpus} CPUs, ${r.meta.platform}, ${r.meta.startedAt}`,
    '',
    `1. Cold start to first answer (fresh node --import tsx process; ${r.coldStart.lexical.runs} runs per mode, ms)`,
    table(['mode', 'retrieval', 'wall med', 'wall range', 'boot', 'import', 'build', 'answer', 'peak RSS MB'], [cold('lexical (embed:false)', r.coldStart.lexical), cold('default config', r.coldStart.default)]),
    `  default config dense retriever: ${r.coldStart.default.dense}`,
    '',
    `2. Index build (npm run index work in-process: parse + chunks.json + BM25; mean of ${ib.runs} after a warm-up, ms)`,
    table(['chunks', 'parse+hash', 'write chunks', 'lexical BM25', 'total', 'first run'], [[String(ib.chunks), f(ib.meanMs.parse), f(ib.meanMs.writeChunks), f(ib.meanMs.lexical), f(ib.meanMs.total), f(ib.firstRunMs)]]),
    `  dense build: ${ib.denseMs === null ? ib.dense : `${f(ib.denseMs, 0)} ms (${ib.dense})`}`,
    '',
    `3-4. Answer latency (ms) and throughput; in-process ${r.inProcess.passes} passes after a warm-up pass; HTTP server pid ${r.http.serverPid} (${r.http.serverMode}, ready in ${f(r.http.serverReadyMs, 0)} ms)`,
    table(
      ['path', 'n', 'p50', 'p95', 'p99', 'mean', 'max', 'per sec', 'errors'],
      [lat('in-process c=1', r.inProcess.latency, [f(r.inProcess.questionsPerSec), String(r.inProcess.errors)]), load(r.http.c1), load(r.http.c8)],
    ),
    `  per pass: ${r.inProcess.foundPerPass} answered, ${r.inProcess.notFoundPerPass} judged not in the documents${r.http.c8.stoppedByDeadline || r.http.c1.stoppedByDeadline ? '; HTTP load stopped at its time limit' : ''}`,
    '',
    '5. Peak RSS (MB)',
    table(
      ['process', 'peak', 'how'],
      [
        ['server child (lexical)', f(m.serverVmHWM), `/proc VmHWM (RSS ${f(m.serverRssAtReady)} at ready, ${f(m.serverRssAfterC1)} after c=1, ${f(m.serverRssAtEnd)} after c=8)`],
        ['bench process', f(m.benchSampledPeak), `sampled every 20 ms (VmHWM ${f(m.benchVmHWM)})`],
        ['cold-start child lexical', f(m.coldLexical), 'VmHWM, max over runs'],
        ['cold-start child default', f(m.coldDefault), 'VmHWM, max over runs'],
      ],
      2,
    ),
    '',
    'Targets (reported, not gated)',
    table(['target', 'goal', 'measured', 'result'], r.targets.map((t) => [t.name, t.target, t.measured, t.pass ? 'PASS' : 'FAIL']), 3),
    '',
    r.errors.total === 0 ? 'errors: none' : `errors: ${r.errors.total}\n${r.errors.samples.map((s) => `  ${s}`).join('\n')}`,
    `bench wall time ${f(r.meta.benchWallMs / 1000)} s`,
  ].join('\n');
}
