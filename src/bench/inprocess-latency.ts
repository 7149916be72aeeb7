/** engine.answer() latency without HTTP: the floor the server can reach at concurrency 1. */
import { performance } from 'node:perf_hooks';
import type { QaEngine } from '../answer/engine.js';

export interface PassResult {
  latenciesMs: number[];
  answered: number;
  /** Questions the engine judged unanswerable from the documents (found: false): not errors. */
  notFound: number;
  errors: number;
  errorSamples: string[];
  wallMs: number;
  questionsPerSec: number;
  passesRun: number;
}

/** Runs `passes` sequential passes (stops early after maxMs, finishing the current pass). */
export async function runPasses(
  engine: QaEngine,
  questions: readonly string[],
  passes: number,
  maxMs: number,
  onAnswer: () => void = () => {},
): Promise<PassResult> {
  const r: PassResult = { latenciesMs: [], answered: 0, notFound: 0, errors: 0, errorSamples: [], wallMs: 0, questionsPerSec: 0, passesRun: 0 };
  const started = performance.now();
  for (let p = 0; p < passes && performance.now() - started < maxMs; p++) {
    for (const q of questions) {
      const t0 = performance.now();
      try {
        const res = await engine.answer(q);
        r.latenciesMs.push(performance.now() - t0);
        if (res.found) r.answered++;
        else r.notFound++;
      } catch (err) {
        r.errors++;
        if (r.errorSamples.length < 5) r.errorSamples.push(`${(err as Error).message} for "${q}"`);
      }
      onAnswer();
    }
    r.passesRun++;
  }
  r.wallMs = performance.now() - started;
  r.questionsPerSec = ((r.latenciesMs.length + r.errors) / r.wallMs) * 1000;
  return r;
}
