// Checks the gold set against the corpus (the same check CI runs), or shows the passages holding a phrase:
//   npx tsx src/cli/check-gold.ts                 problems, counts per category and split
//   npx tsx src/cli/check-gold.ts --find 地区生产总值   passages of either document containing the phrase
import { CATEGORIES, loadGold, squash, validateGold } from '../eval/gold.js';
import { loadCorpus } from '../ingest/load-corpus.js';

const documents = loadCorpus();
const findAt = process.argv.indexOf('--find');
if (findAt > 0) {
  const phrase = squash(process.argv[findAt + 1] ?? '');
  for (const d of documents)
    for (const c of d.chunks)
      if (squash(c.pageContent).includes(phrase)) console.log(`[${c.metadata.id}] ${c.metadata.section.join(' > ')}\n${c.pageContent}\n`);
} else {
  const items = loadGold();
  const problems = validateGold(items, documents);
  for (const p of problems) console.log(`PROBLEM ${p}`);
  for (const c of CATEGORIES) {
    const inCat = items.filter((i) => i.category === c);
    console.log(`${c.padEnd(13)} ${String(inCat.length).padStart(3)}  dev ${inCat.filter((i) => i.split === 'dev').length}  test ${inCat.filter((i) => i.split === 'test').length}`);
  }
  console.log(`total ${items.length}, problems ${problems.length}`);
  process.exitCode = problems.length ? 1 : 0;
}
