import { describe, expect, it } from 'vitest';
import { CATEGORIES, loadGold, validateGold } from '../src/eval/gold.js';
import { loadCorpus } from '../src/ingest/load-corpus.js';

// The gold set is checked against the corpus itself, so a typo in a figure or a quote fails CI.
describe('gold set', () => {
  const items = loadGold();
  const documents = loadCorpus();

  it('every quote stands in one passage of its document and every expected string in a quote', () => {
    expect(validateGold(items, documents)).toEqual([]);
  });

  it('has at least 200 items, 12 per category, 30 unanswerable, and about half in each split', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    for (const c of CATEGORIES) expect(items.filter((i) => i.category === c).length, c).toBeGreaterThanOrEqual(12);
    expect(items.filter((i) => !i.answerable).length).toBeGreaterThanOrEqual(30);
    const dev = items.filter((i) => i.split === 'dev').length;
    expect(Math.abs(dev / items.length - 0.5)).toBeLessThan(0.1);
    for (const c of CATEGORIES) {
      const inCat = items.filter((i) => i.category === c);
      // Dev grows with fresh blind pairs written to find new failure kinds; the test split keeps at least a
      // quarter of every category and never fewer than 12 items, so each category's test figure means something.
      expect(inCat.filter((i) => i.split === 'test').length, `${c} test items`).toBeGreaterThanOrEqual(Math.max(12, Math.floor(inCat.length / 4)));
    }
  });

  it('the validator catches a figure that is not in the source', () => {
    const good = items.find((i) => i.answerable)!;
    const typo = { ...good, expect: [good.expect[0]!.replace(/\d/, (d) => String((Number(d) + 1) % 10))] };
    expect(validateGold([typo], documents).join('\n')).toMatch(/none of its quotes/);
    const badQuote = { ...good, sources: [{ ...good.sources[0]!, quote: `${good.sources[0]!.quote}不存在的文字` }] };
    expect(validateGold([badQuote], documents).join('\n')).toMatch(/quote not inside/);
  });
});
