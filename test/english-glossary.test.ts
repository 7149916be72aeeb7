import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/ingest/load-corpus.js';
import { chineseTermsFor, ENGLISH_GLOSSARY, ENGLISH_UNREPORTED } from '../src/text/english-glossary.js';

const nfkc = (s: string) => s.normalize('NFKC');

describe('English glossary', () => {
  const corpus = nfkc(
    loadCorpus()
      .map((d) => d.cleaned)
      .join('\n'),
  );

  it('maps only to wording the documents use', () => {
    const missing = Object.entries(ENGLISH_GLOSSARY).filter(([, zh]) => !corpus.includes(nfkc(zh)));
    expect(missing).toEqual([]);
  });

  it('names as unreported only things the documents never write', () => {
    expect(Object.values(ENGLISH_UNREPORTED).filter((zh) => corpus.includes(nfkc(zh)))).toEqual([]);
  });

  it('has keys a lower-cased question can match', () => {
    // chineseTermsFor keeps only [a-z0-9&.\-' ] and matches whole space-separated phrases.
    const bad = Object.keys(ENGLISH_GLOSSARY).filter((k) => !/^[a-z0-9&.\-']+( [a-z0-9&.\-']+)*$/.test(k));
    expect(bad).toEqual([]);
  });

  it.each([
    ['How many old elevators will be renewed in 2026?', ['老旧电梯']],
    ['How many elevators were retrofitted last year?', ['电梯']],
    ['How many natural villages completed sewage treatment?', ['自然村', '污水']],
    ['How many villages have beautiful villages status?', ['村', '和美乡村']],
    ['What is the target for manufacturing value added as a share of GDP?', ['制造业增加值', '地区生产总值']],
    ['How many industrial enterprises above designated size are there?', ['规上工业企业', '规上']],
    ['What is the research and development spending target?', ['研发经费支出']],
    ['How many high-value invention patents per 10,000 people?', ['高价值发明专利']],
    ['How many affordable rental housing units will start construction?', ['保障性租赁住房']],
    ['How much did total phosphorus fall in Lake Ge?', ['总磷', '滆湖']],
    ['How many 5G base stations will be built?', ['5G基站']],
    ['How many projects over 10 billion yuan were attracted?', ['招引', '项目']],
    ["What was Li Auto's growth?", ['理想汽车', '增长']],
    ['What is the loan-to-deposit ratio?', ['贷存比']],
    ['How many zero-carbon factories and microgrid projects?', ['零碳工厂', '微电网', '项目']],
    ['What is the target for nursing-type beds in elderly care institutions?', ['护理型床位', '养老机构']],
    ['What is the village collective income target?', ['集体经营性收入']],
  ])('%s → %j', (question, expected) => {
    const terms = chineseTermsFor(question.toLowerCase());
    for (const t of expected) expect(terms).toContain(t);
  });

  it('prefers the longest phrase over its words', () => {
    const terms = chineseTermsFor('what is the output of the smart electric vehicles cluster');
    expect(terms).toContain('智电汽车');
    expect(terms).not.toContain('汽车');
    expect(chineseTermsFor('how many old residential communities will be renewed')).toEqual(['老旧小区']);
  });

  it('maps no question or frame words', () => {
    expect(chineseTermsFor('what is the target for this year in the district plan by 2030')).toEqual([]);
  });
});
