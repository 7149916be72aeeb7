/** `npm run ask -- "问题"`: answer one question from the command line (`--json` prints the API's JSON). */
import { loadEngine } from '../answer/load-engine.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const lexicalOnly = args.includes('--lexical');
const question = args.filter((a) => !a.startsWith('--')).join(' ').trim();
if (!question) {
  console.error('usage: npm run ask -- "2025年武进区地区生产总值是多少？" [--json] [--lexical]');
  process.exit(2);
}

const engine = await loadEngine({ embed: lexicalOnly ? false : undefined });
const result = await engine.answer(question);
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(result.answer);
  console.log(`\n${result.found ? 'found' : 'not found in the documents'} · ${result.mode} · ${result.tookMs} ms`);
  if (result.figures.length > 0) {
    console.log('\nFigures');
    for (const f of result.figures) console.log(`  ${f.value}  [${f.citation}] ${f.context}`);
  }
  if (result.citations.length > 0) {
    console.log(result.found ? '\nSources' : '\nRelated passages');
    result.citations.forEach((c, i) => {
      console.log(`  [${i + 1}] 《${c.docTitle}》 ${c.section}  (chars ${c.start}–${c.end}, score ${c.score})`);
      console.log(`      ${c.text.length > 160 ? `${c.text.slice(0, 160)}…` : c.text}`);
    });
  }
}
