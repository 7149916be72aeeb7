import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/answer/figures.js';
import { alignRespectively } from '../src/answer/respectively.js';
import { countedRuns } from '../src/answer/select-passage.js';
import { splitClauses, splitSentences } from '../src/answer/split-clauses.js';
import { analyzeQuestion } from '../src/retrieve/analyze-question.js';
import { englishAmounts } from '../src/text/english-amounts.js';
import { chineseTermsFor } from '../src/text/english-glossary.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { detectScript, simplifiedToTraditional } from '../src/text/script.js';
import { synonymsIn } from '../src/text/synonyms.js';
import { tokenize } from '../src/text/tokenize.js';

const values = (text: string) => extractFigures(text).map((f) => f.value);

describe('normalisation', () => {
  it('folds full-width forms, traditional characters and case', () => {
    expect(normalizeForMatch('ＧＤＰ增長５．５％')).toBe('gdp增长5.5%');
    expect(normalizeForMatch('武進區  地區生產總值')).toBe('武进区 地区生产总值');
  });

  it('tells the script a question is written in', () => {
    expect(detectScript('武进区去年的地区生产总值是多少？')).toBe('zh-Hans');
    expect(detectScript('武進區去年的地區生產總值是多少？')).toBe('zh-Hant');
    expect(detectScript("What was Wujin's GDP in 2025?")).toBe('en');
    expect(detectScript('GDP是多少')).toBe('zh-Hans');
  });

  it('converts answers to traditional characters without touching figures', () => {
    expect(simplifiedToTraditional('地区生产总值增长5.5%左右')).toBe('地區生產總值增長5.5%左右');
  });

  it('tokenises into words and bigrams', () => {
    const tokens = tokenize('一般公共预算收入225亿元');
    expect(tokens).toContain('w:一般公共预算收入');
    expect(tokens).toContain('b:预算');
  });

  it('expands domain synonyms and English policy terms', () => {
    expect(synonymsIn('财政收入')).toContain('一般公共预算收入');
    expect(synonymsIn('高企')).toContain('高新技术企业');
    expect(synonymsIn('外资')).toEqual(expect.arrayContaining(['实际使用外资', '实际利用外资']));
    expect(chineseTermsFor('what is the minimum living allowance standard')).toContain('低保标准');
    expect(chineseTermsFor("what was wujin's gdp in 2025")).toContain('地区生产总值');
  });

  it('writes English amounts in 万 and 亿 with their qualifiers, as the documents do', () => {
    expect(englishAmounts('projects over 10 billion yuan').amounts).toEqual(['超百亿元']);
    expect(englishAmounts('worth $1 billion or more').amounts).toEqual(['10亿美元以上']);
    expect(englishAmounts('about 1.2 million visitors').amounts).toEqual(['120万左右']);
    expect(englishAmounts('30 million yuan and above, 357 billion yuan').amounts).toEqual(['3000万元以上', '3570亿元']);
    // Years and bare numbers are no amounts.
    expect(englishAmounts('in 2025, 5 new parks').amounts).toEqual([]);
    // Thousands separators belong to the number: "3,800 billion" is not 800 billion.
    expect(englishAmounts('exceed 3,800 billion yuan').amounts).toEqual(['38000亿元']);
    expect(analyzeQuestion('How many projects over 10 billion yuan were attracted?').matchText).toContain('超百亿元');
  });

  it('reads the corner quotes of Taiwan and Hong Kong as the documents\' quotes', () => {
    expect(normalizeForMatch('「十四五」『智改數轉』')).toBe('“十四五”“智改数转”');
  });
});

describe('figure extraction', () => {
  it('keeps qualifiers and units verbatim', () => {
    expect(values('零部件产值超1300亿元、占集群比重62%、较去年提升7.6个百分点')).toEqual(['超1300亿元', '62%', '7.6个百分点']);
    expect(values('地区生产总值增长5.5%左右')).toEqual(['5.5%左右']);
    expect(values('低保标准提升至1080元/月')).toEqual(['1080元/月']);
    expect(values('新获评国家级专精特新“小巨人”39家、占全市比重近45%')).toEqual(['39家', '近45%']);
    expect(values('规模均突破200亿元')).toEqual(['突破200亿元']);
    expect(values('完成货物贸易进出口总额突破千亿')).toEqual(['突破千亿']);
    expect(values('常住人口规模达138万人左右')).toEqual(['138万人左右']);
    expect(values('新开工保障性租赁住房290套(间)以上')).toEqual(['290套(间)以上']);
  });

  it('does not take years, codes or list numbers for figures', () => {
    expect(values('2025年吴文俊人工智能创新大会')).toEqual([]);
    expect(values('“35X”产业体系和“4+3+X”产业布局')).toEqual([]);
    expect(values('2027—2028年为攻坚奋进年')).toEqual([]);
  });
});

describe('clauses and 分别 lists', () => {
  it('splits sentences and clauses outside brackets only', () => {
    const text = '总量跨入全省县（市、区）级前三，人均地区生产总值超20万元。高新技术企业达2285家；';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['总量跨入全省县（市、区）级前三，人均地区生产总值超20万元。', '高新技术企业达2285家；']);
    expect(splitClauses(sentences[0]!).map((c) => c.text)).toEqual(['总量跨入全省县（市、区）级前三，', '人均地区生产总值超20万元。']);
    expect(text.slice(sentences[1]!.start, sentences[1]!.end)).toBe(sentences[1]!.text);
  });

  it('maps each item of a 分别 list to its value', () => {
    expect(alignRespectively('制造业贷款、高技术产业贷款、专精特新中小企业贷款余额较年初分别增长16.5%、14.4%、69.1%,贷存比达114%')).toEqual([
      { item: '制造业贷款余额较年初', verb: '增长', value: '16.5%' },
      { item: '高技术产业贷款余额较年初', verb: '增长', value: '14.4%' },
      { item: '专精特新中小企业贷款余额较年初', verb: '增长', value: '69.1%' },
    ]);
    expect(alignRespectively('竺山湖心、滆湖总磷分别下降8.9%、5.1%')).toEqual([
      { item: '竺山湖心', verb: '下降', value: '8.9%' },
      { item: '滆湖总磷', verb: '下降', value: '5.1%' },
    ]);
    const shared = alignRespectively('按不变价计算，总量跨入全省县（市、区）级前三，战略性新兴产业、高新技术产业产值占规上工业总产值比重分别达47.8%、64.8%');
    expect(shared?.map((p) => [p.item, p.value])).toEqual([
      ['战略性新兴产业产值占规上工业总产值比重', '47.8%'],
      ['高新技术产业产值占规上工业总产值比重', '64.8%'],
    ]);
  });

  it('refuses to align a list whose counts differ', () => {
    expect(alignRespectively('甲、乙、丙分别增长5%、6%')).toBeNull();
  });

  it('finds runs of exactly as many sentences as the kind counted, and none in a passage too short for the count', () => {
    const counted = [{ count: 3, kind: '队伍', term: '三支队伍' }];
    const text = '离不开“三支队伍”的支撑。建强干部队伍；建强企业家队伍；建强党员群众队伍。';
    expect(countedRuns(splitSentences(text), text, counted).map((s) => s.text)).toEqual(['建强干部队伍；建强企业家队伍；建强党员群众队伍。']);
    const short = '建强干部队伍；建强企业家队伍。'; // two sentences, four counted
    expect(countedRuns(splitSentences(short), short, [{ count: 4, kind: '队伍', term: '四支队伍' }])).toEqual([]);
  });
});

describe('question analysis', () => {
  it('reads period, area and document from the question', () => {
    expect(analyzeQuestion('去年武进的GDP是多少').frame.timeScopes).toEqual(['y2025']);
    expect(analyzeQuestion('今年一般公共预算收入增长目标').frame.timeScopes).toEqual(['y2026']);
    expect(analyzeQuestion('到十五五末常住人口规模').frame.timeScopes).toEqual(['fyp15']);
    expect(analyzeQuestion('十四五期间新增城镇就业').frame.timeScopes).toEqual(['fyp14']);
    expect(analyzeQuestion('常州经开区2030年地区生产总值').frame.region).toBe('cetdz');
    expect(analyzeQuestion('政府工作报告里的低保标准').frame.docIds).toEqual(['work-report-2026']);
  });

  it('reads "平均每个村" and "每个人平均" as the documents write them, 村均 and 人均', () => {
    expect(analyzeQuestion('到2030年平均每个村的集体经营性收入要多少').contentTerms).toEqual(expect.arrayContaining(['村均', '集体经营性收入']));
    expect(analyzeQuestion('十四五期间每个人平均的GDP是多少').contentTerms).toContain('人均');
  });

  it('keeps topic words and drops frame and question words', () => {
    const a = analyzeQuestion('2025年武进区一般公共预算收入是多少？');
    expect(a.contentTerms).toEqual(['一般公共预算收入']);
    expect(a.intent).toBe('figure');
    expect(analyzeQuestion('“四城”指的是哪四城').contentTerms).toContain('四城');
  });

  it('reads English intent from whole words and keeps quoted codes as names', () => {
    // "journalist" contains "list", "corporate" contains "rate": neither says what is asked.
    expect(analyzeQuestion('As a journalist, how many high-tech enterprises were newly recognised in 2025?').intent).toBe('figure');
    expect(analyzeQuestion('Which corporate groups does the plan name?').intent).toBe('list');
    // "How big …" asks for a figure, not for ways and means.
    expect(analyzeQuestion('How big should the integrated circuit industry be by 2030?').intent).toBe('figure');
    expect(analyzeQuestion('In the "1234567" strategy, what is 2026 called?').contentTerms).toContain('1234567');
  });

  it('takes the words of a self-describing clause as context, not topic', () => {
    const a = analyzeQuestion("I'm a journalist covering tech firms: how many high-tech enterprises were newly recognised in 2025?");
    expect(a.contentTerms).toContain('高新技术企业');
    expect(a.contextTerms).toEqual(['科技型企业']);
    expect(a.contextTerms).not.toContain('高新技术企业');
    const b = analyzeQuestion('我是做外贸的，今年武进进出口总额目标是多少？');
    expect(b.contextTerms).not.toContain('进出口总额');
    // A clause that asks is never context, even when it starts with 我.
    expect(analyzeQuestion('我们区的高新技术企业有多少家，去年新认定了多少家？').contextTerms).toEqual([]);
  });

  it('reads English words in plural, before a full stop and with a possessive', () => {
    expect(chineseTermsFor('how many kindergartens.')).toEqual(chineseTermsFor('kindergarten'));
    expect(chineseTermsFor('the people’s hospital')).toEqual(chineseTermsFor("people's hospital"));
    expect(chineseTermsFor('fewer enterprise inspections')).toEqual(chineseTermsFor('fewer enterprise inspection'));
    // A decimal point stays inside its figure.
    expect(normalizeForMatch('4.5')).toBe('4.5');
    expect(analyzeQuestion('What is the target right now?').contentTerms).toEqual([]);
  });

  it('knows everyday English for the documents\' measure words', () => {
    expect(chineseTermsFor('registered residents aged 60 and above')).toEqual(['户籍人口', '60岁及以上']);
    expect(chineseTermsFor('how much is added per year')).toContain('年均');
    // A target that the documents write inside a longer word is not one ("万人有效发明专利" stays whole).
    expect(analyzeQuestion('每万人有效发明专利拥有量是多少').contentTerms).toContain('万人有效发明专利');
  });

  it('keeps an age group as a topic, though it is a number', () => {
    expect(analyzeQuestion('18-59岁户籍人口每年减少多少？').contentTerms).toContain('18-59岁');
    expect(analyzeQuestion('How many registered residents aged 60 and over are added each year?').contentTerms).toContain('60岁及以上');
  });

  it('maps Taiwan and Hong Kong words to the documents\' mainland words, leaving the script detected as written', () => {
    expect(normalizeForMatch('人工智慧與積體電路')).toBe('人工智能与集成电路');
    expect(normalizeForMatch('軟體和資訊服務')).toBe('软件和信息服务');
    // A simplified question with such a word is still simplified.
    expect(detectScript('网路安全怎么样')).toBe('zh-Hans');
  });

  it('takes a clause about the asker\'s family, and hearsay words, as context', () => {
    const a = analyzeQuestion('家里孩子明年上小学，听说今年要新改扩建不少学校，具体是多少个？');
    expect(a.contentTerms).not.toContain('听说');
    expect(a.contentTerms).not.toContain('不少');
    expect(a.contextTerms).toContain('孩子');
  });

  it('frames a follow-up with the earlier turns', () => {
    const history = [
      { role: 'user' as const, content: '到2030年武进区地区生产总值目标是什么？' },
      { role: 'assistant' as const, content: '……' },
    ];
    const a = analyzeQuestion('它的常住人口目标呢', history);
    expect(a.followUp).toBe(true);
    expect(a.frame.timeScopes).toEqual(['fyp15']);
    expect(a.contentTerms).toContain('常住人口');
    const b = analyzeQuestion('那2026年呢？', history);
    expect(b.frame.timeScopes).toEqual(['y2026']);
    expect(b.contentTerms).toContain('地区生产总值');
  });
});
