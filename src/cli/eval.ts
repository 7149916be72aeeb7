// npm run eval [-- --split dev|test] [--category y2025,list] [--url http://127.0.0.1:8787] [--no-baselines] [--check] [--readme]
// Runs the gold set through the assistant and the baselines; writes evals/report.md and evals/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, type Category } from '../eval/gold.js';
import { belowFloors, loadFloors } from '../eval/floors.js';
import { markdownReport, replaceMarkedBlock, summaryTable } from '../eval/report.js';
import { runEval } from '../eval/run-eval.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string' },
    category: { type: 'string', multiple: true },
    url: { type: 'string' },
    'no-baselines': { type: 'boolean', default: false },
    out: { type: 'string', default: new URL('../../evals/', import.meta.url).pathname },
    check: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}

const split = values.split;
if (split !== undefined && split !== 'dev' && split !== 'test') fail(`--split must be dev or test, not "${split}"`);
const categories = (values.category ?? []).flatMap((c) => c.split(',')).filter(Boolean);
for (const c of categories) if (!CATEGORIES.includes(c as Category)) fail(`unknown category "${c}" (known: ${CATEGORIES.join(', ')})`);
if (values.url) {
  try {
    new URL(values.url);
  } catch {
    fail(`--url is not a URL: ${values.url}`);
  }
}

const run = await runEval({ split, categories: categories as Category[], url: values.url, baselines: !values['no-baselines'], progress: process.stderr.isTTY });
mkdirSync(values.out, { recursive: true });
const suffix = split ? `-${split}` : '';
writeFileSync(join(values.out, `report${suffix}.md`), markdownReport(run));
writeFileSync(join(values.out, `results${suffix}.json`), `${JSON.stringify(run, null, 1)}\n`);
console.log(`\n${summaryTable(run)}\n`);
console.log(`report: ${join(values.out, `report${suffix}.md`)}; every result: ${join(values.out, `results${suffix}.json`)}`);

if (values.readme) {
  if (split !== 'test' || categories.length) fail('--readme takes the figures of the whole test split only');
  replaceMarkedBlock(
    new URL('../../README.md', import.meta.url).pathname,
    'eval',
    `Test split, ${run.questions} questions, ${run.startedAt.slice(0, 10)} (\`npm run eval -- --split test\`; the assistant in bold):\n\n${summaryTable(run)}`,
  );
}
if (values.check) {
  const below = belowFloors(run, loadFloors());
  for (const line of below) console.error(`BELOW FLOOR: ${line}`);
  if (below.length) process.exit(1);
  console.log('all floors hold');
}
