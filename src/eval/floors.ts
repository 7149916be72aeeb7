import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EvalRun } from './run-eval.js';

/** Minimum shares CI accepts for the assistant, set just below what it reaches so that a regression fails the build. */
const floorsSchema = z.object({
  numericFidelity: z.literal(1),
  figureAccuracy: z.number().min(0).max(1),
  citationAccuracy: z.number().min(0).max(1),
  refusalPrecision: z.number().min(0).max(1),
  refusalRecall: z.number().min(0).max(1),
  /** Every category's share of questions answered right. */
  category: z.number().min(0).max(1),
});
export type Floors = z.infer<typeof floorsSchema>;

export const DEFAULT_FLOORS_FILE = new URL('../../evals/floors.json', import.meta.url).pathname;

export function loadFloors(file = DEFAULT_FLOORS_FILE): Floors {
  return floorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Floors the assistant's run falls below, one line each; empty when all hold. */
export function belowFloors(run: EvalRun, floors: Floors): string[] {
  const primary = run.systems.find((s) => s.name === run.primary);
  if (!primary?.summary) return [`the assistant (${run.primary}) produced no results`];
  const s = primary.summary;
  const out: string[] = [];
  const check = (what: string, got: number, floor: number) => {
    if (!(got >= floor)) out.push(`${what} ${(got * 100).toFixed(1)}% < floor ${(floor * 100).toFixed(1)}%`);
  };
  check('numeric fidelity', s.numericFidelity, floors.numericFidelity);
  check('figure accuracy', s.figureAccuracy, floors.figureAccuracy);
  check('citation accuracy', s.citationAccuracy, floors.citationAccuracy);
  check('refusal precision', s.refusalPrecision, floors.refusalPrecision);
  check('refusal recall', s.refusalRecall, floors.refusalRecall);
  for (const [c, cs] of Object.entries(primary.byCategory ?? {})) check(`category ${c}`, cs.correct, floors.category);
  if (s.errors > 0) out.push(`${s.errors} questions failed with an error`);
  return out;
}
