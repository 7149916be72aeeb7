import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES } from './gold.js';
import type { EvalRun, SystemRun } from './run-eval.js';
import type { ItemResult, Summary } from './score.js';

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)}%`);
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(1)} ms`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

const SUMMARY_HEADER = '| system | correct | figure acc. | citation acc. | hit@1 | hit@5 | MRR | refusal P | refusal R | numeric fidelity | p50 | p95 | answer chars |';

function summaryRow(run: SystemRun, primary: string): string {
  const name = run.name === primary ? `**${run.name}** (assistant)` : run.name;
  // Paths relative to the project, so the table reads the same on every machine.
  if (!run.summary) return `| ${name} | ${(run.unavailable ?? 'not available').replaceAll(`${process.cwd()}/`, '')} |${' |'.repeat(11)}`;
  const s = run.summary;
  return `| ${name} | ${pct(s.correct)} | ${pct(s.figureAccuracy)} | ${pct(s.citationAccuracy)} | ${pct(s.hit1)} | ${pct(s.hit5)} | ${s.mrr.toFixed(3)} | ${pct(s.refusalPrecision)} | ${pct(s.refusalRecall)} | ${pct(s.numericFidelity)} | ${ms(s.p50)} | ${ms(s.p95)} | ${Math.round(s.meanAnswerChars)} |`;
}

/** The overall table, one row per system (README and console). */
export function summaryTable(run: EvalRun): string {
  return [SUMMARY_HEADER, `|${' --- |'.repeat(13)}`, ...run.systems.map((s) => summaryRow(s, run.primary))].join('\n');
}

function categoryTable(run: EvalRun): string {
  const shown = run.systems.filter((s) => s.byCategory);
  const primary = shown.find((s) => s.name === run.primary)!;
  const lines = [
    `| category | n | ${shown.map((s) => `${s.name} correct`).join(' | ')} | figure acc. | citation acc. | hit@5 | refusal R |`,
    `|${' --- |'.repeat(shown.length + 6)}`,
  ];
  for (const c of CATEGORIES) {
    const p = primary.byCategory?.[c];
    if (!p) continue;
    lines.push(
      `| ${c} | ${p.n} | ${shown.map((s) => pct(s.byCategory?.[c]?.correct ?? Number.NaN)).join(' | ')} | ${pct(p.figureAccuracy)} | ${pct(p.citationAccuracy)} | ${pct(p.hit5)} | ${pct(p.refusalRecall)} |`,
    );
  }
  return lines.join('\n');
}

function failureLine(r: ItemResult): string {
  const why = r.error
    ? `error: ${r.error}`
    : !r.answerable
      ? 'answered a question the documents do not answer'
      : !r.found
        ? `declined${r.declinedBy ? ` (${r.declinedBy})` : ''}`
        : [r.missing.length ? `missing ${r.missing.join('、')}` : '', r.citationOk ? '' : `gold quote not in top-3 citations (first at rank ${r.rank || '>k'})`].filter(Boolean).join('; ');
  return `| ${r.id} (${r.split}) | ${cell(r.question)} | ${cell(r.expected.join('、') || 'found: false')} | ${cell(clip(r.answer, 160))} | ${cell(why)} |`;
}

/** Answerable questions declined, counted by the check that declined them: where refusal calibration loses recall of answers. */
function falseRefusalTable(failures: ItemResult[]): string {
  const byCheck = new Map<string, number>();
  for (const r of failures) if (r.answerable && !r.found && !r.error) byCheck.set(r.declinedBy ?? 'unknown', (byCheck.get(r.declinedBy ?? 'unknown') ?? 0) + 1);
  if (byCheck.size === 0) return 'None.';
  return ['| check | declined answerable questions |', '| --- | --- |', ...[...byCheck].sort((a, b) => b[1] - a[1]).map(([c, n]) => `| ${c} | ${n} |`)].join('\n');
}

export function markdownReport(run: EvalRun): string {
  const primary = run.systems.find((s) => s.name === run.primary)!;
  const failures = primary.results.filter((r) => !r.correct);
  const violations = run.systems.flatMap((s) => s.results.filter((r) => r.unsupported.length).map((r) => ({ system: s.name, r })));
  return [
    '# Evaluation report',
    '',
    `Run ${run.startedAt} on the ${run.split === 'all' ? 'whole gold set' : `\`${run.split}\` split`}: ${run.questions} questions (corpus ${run.corpusHash.slice(0, 12)}). Written by \`npm run eval\`; every result is in the JSON file beside this report.`,
    '',
    '## Systems on the same questions',
    '',
    summaryTable(run),
    '',
    ...run.systems.map((s) => `- **${s.name}**: ${s.description}${s.unavailable ? ` — ${s.unavailable}` : ''}`),
    '',
    'correct: refused when the documents do not answer, otherwise every expected figure verbatim in the answer and every gold quote in a top-3 citation. figure/citation accuracy, hit@k and MRR are over answerable questions; refusal precision/recall over the refusals; numeric fidelity: answers all of whose numbers stand in one of their own citations.',
    '',
    '## Per category',
    '',
    categoryTable(run),
    '',
    `## Failures of ${run.primary} (${failures.length})`,
    '',
    failures.length ? '| id | question | expected | got | why |\n| --- | --- | --- | --- | --- |\n' + failures.map(failureLine).join('\n') : 'None.',
    '',
    '## Why the assistant declined answerable questions',
    '',
    falseRefusalTable(failures),
    '',
    `## Numeric fidelity violations (${violations.length})`,
    '',
    violations.length ? violations.map(({ system, r }) => `- ${system} ${r.id}: ${r.unsupported.join(', ')} not in any citation — ${clip(r.answer, 120)}`).join('\n') : 'None: every number of every answer stands in one of that answer\'s citations.',
    '',
  ].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a file. */
export function replaceMarkedBlock(file: string, name: string, content: string): void {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${start} … ${end} block`);
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`);
}
