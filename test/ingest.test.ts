import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packParagraph } from '../src/ingest/chunk-paragraphs.js';
import { cleanWebReport } from '../src/ingest/clean-web-report.js';
import { defaultCorpusDir, loadRegistry } from '../src/ingest/document-registry.js';
import { normalizeHeading } from '../src/ingest/heading-text.js';
import { formatIndicatorRow, parseIndicatorTable, splitUnit } from '../src/ingest/indicator-table.js';
import { corpusHash, loadCorpus } from '../src/ingest/load-corpus.js';
import { getParser } from '../src/ingest/parsers.js';
import { regionOfParagraph } from '../src/ingest/region.js';
import { scopesIn } from '../src/ingest/time-scope.js';
import type { Chunk, ParsedDocument } from '../src/ingest/types.js';

const corpusDir = defaultCorpusDir();
const docs = loadCorpus();
const report = docs.find((d) => d.entry.id === 'work-report-2026') as ParsedDocument;
const plan = docs.find((d) => d.entry.id === 'plan-15th-fyp') as ParsedDocument;
const allChunks = docs.flatMap((d) => d.chunks.map((chunk) => ({ doc: d, chunk })));

const CHROME = [
  '[bookmark',
  'bookmark:',
  'footnote',
  '[0:',
  '[1:',
  '[2:',
  '•',
  'CopyRight',
  'ICP',
  '公网安备',
  '打印',
  '下载本信息',
  '相关阅读',
  '信息名称',
  '索 引 号',
  '内容概述',
  '抄送',
  '\t',
];

/** The one chunk containing `text`; fails when there is none or several. */
function chunkWith(doc: ParsedDocument, text: string): Chunk {
  const found = doc.chunks.filter((c) => c.pageContent.includes(text));
  expect(found.map((c) => c.metadata.id), `chunks containing ${text}`).toHaveLength(1);
  return found[0];
}

/** Whole paragraph (cleaned line) that a chunk belongs to. */
function paragraphOf(doc: ParsedDocument, chunk: Chunk): string {
  const from = doc.cleaned.lastIndexOf('\n', chunk.metadata.start - 1) + 1;
  const to = doc.cleaned.indexOf('\n', chunk.metadata.end);
  return doc.cleaned.slice(from, to === -1 ? undefined : to);
}

describe('loadCorpus', () => {
  it('parses every registered document with its parser', () => {
    expect(docs.map((d) => d.entry.id)).toEqual(loadRegistry().map((e) => e.id));
    expect(docs.map((d) => d.entry.parser)).toEqual(['gov-web-report', 'docx-plan-outline']);
    for (const d of docs) {
      expect(d.chunks.length).toBeGreaterThan(50);
      expect(d.cleaned.length).toBeGreaterThan(10_000);
    }
  });

  it('is fast once warm (< 100 ms for the whole corpus)', () => {
    loadCorpus();
    const t0 = performance.now();
    loadCorpus();
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('chunks are LangChain Documents with stable ids `${docId}:${ordinal}`', () => {
    for (const d of docs) {
      d.chunks.forEach((c, i) => {
        expect(c).toBeInstanceOf(Document);
        expect(c.metadata.id).toBe(`${d.entry.id}:${i}`);
        expect(c.id).toBe(c.metadata.id);
        expect(c.metadata.docId).toBe(d.entry.id);
        expect(c.metadata.docTitle).toBe(d.entry.title);
      });
    }
    // Stable across runs.
    expect(loadCorpus().flatMap((d) => d.chunks.map((c) => [c.metadata.id, c.pageContent]))).toEqual(
      docs.flatMap((d) => d.chunks.map((c) => [c.metadata.id, c.pageContent])),
    );
  });

  it('fails clearly on an unknown parser name', () => {
    expect(() => getParser('no-such-parser')).toThrow(/Unknown parser "no-such-parser"/);
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    try {
      copyFileSync(join(corpusDir, '000_bbfbd50e02a19d34.txt'), join(dir, 'a.txt'));
      const entry = { ...loadRegistry()[0], file: 'a.txt', parser: 'pdf-magic' };
      writeFileSync(join(dir, 'documents.json'), JSON.stringify({ documents: [entry] }));
      expect(() => loadCorpus(dir)).toThrow(/Unknown parser "pdf-magic"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('corpusHash', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-hash-'));
    for (const f of ['documents.json', ...loadRegistry().map((e) => e.file)]) {
      copyFileSync(join(corpusDir, f), join(dir, f));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a stable sha256 that changes when a raw file changes', () => {
    const h = corpusHash();
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(corpusHash()).toBe(h);
    expect(corpusHash(dir)).toBe(h);
    const file = join(dir, loadRegistry()[1].file);
    writeFileSync(file, readFileSync(file, 'utf8') + '\n');
    expect(corpusHash(dir)).not.toBe(h);
  });
});

describe('cleaning', () => {
  it('leaves no site chrome or export markup in cleaned text or chunks', () => {
    for (const d of docs) {
      for (const bad of CHROME) expect(d.cleaned.includes(bad), `${d.entry.id} cleaned has ${JSON.stringify(bad)}`).toBe(false);
    }
    for (const { chunk } of allChunks) {
      for (const bad of CHROME) expect(chunk.pageContent.includes(bad), `${chunk.metadata.id} has ${JSON.stringify(bad)}`).toBe(false);
    }
  });

  it('report: drops navigation, metadata, repeated title and footer; keeps the body verbatim', () => {
    const raw = readFileSync(join(corpusDir, report.entry.file), 'utf8');
    expect(report.cleaned.startsWith('各位代表:\n\n现在,我代表区人民政府向大会报告工作')).toBe(true);
    expect(report.cleaned.endsWith('为特需学生提供系统精准的成长支持,营造包容温暖的社会环境。')).toBe(true);
    expect(report.cleaned).not.toContain('2026年武进区政府工作报告');
    expect(report.cleaned).toContain('\n名词解释\n');
    // Every body line survives character for character (half-width punctuation included).
    const rawLines = raw.split('\n').map((l) => l.trim());
    const bodyFrom = rawLines.indexOf('各位代表:');
    const bodyTo = rawLines.findIndex((l) => l.startsWith('打印'));
    for (const line of rawLines.slice(bodyFrom, bodyTo)) {
      if (!line || line === '名 词 解 释') continue;
      expect(report.cleaned, line.slice(0, 30)).toContain(line);
    }
    expect(report.cleaned).toContain('一、坚持产业强区,加固发展根基。');
  });

  it('cleanWebReport returns the page title and strips a minimal page', () => {
    const page = ['• 首页', '  • 走进武进', '信息名称: 某报告', '索 引 号: 1', '', '相关阅读:', '某报告', '正文。', '打印  下载本信息公开文件', '尾巴'].join('\n');
    expect(cleanWebReport(page)).toEqual({ title: '某报告', lines: ['正文。'] });
  });

  it('plan: title joined, bookmarks gone, every paragraph verbatim, 抄送 dropped', () => {
    expect(plan.cleaned.startsWith('常州市武进区国民经济和社会发展第十五个五年规划纲要\n\n第一篇 发展基础')).toBe(true);
    const raw = readFileSync(join(corpusDir, plan.entry.file), 'utf8')
      .replace(/\[bookmark:[^\]]*\]/g, '')
      .replace(/\[\d+:\s*[^\]]*\]/g, '')
      .replace(/\[footnoteRef:\d+\]/g, '');
    for (const line of raw.split('\n').map((l) => l.trim())) {
      if (line.length < 20 || line.startsWith('抄送') || line.startsWith('区检察院')) continue;
      expect(plan.cleaned, line.slice(0, 30)).toContain(line);
    }
    expect(plan.cleaned).not.toContain('区检察院，区人武部');
  });
});

describe('offsets and boundaries', () => {
  it('cleaned.slice(start, end) === pageContent for every chunk; chunks in order, not overlapping', () => {
    for (const d of docs) {
      let prevEnd = 0;
      for (const c of d.chunks) {
        const { start, end } = c.metadata;
        expect(d.cleaned.slice(start, end), c.metadata.id).toBe(c.pageContent);
        expect(end).toBeGreaterThan(start);
        expect(start).toBeGreaterThanOrEqual(prevEnd);
        expect(c.pageContent).toBe(c.pageContent.trim());
        prevEnd = end;
      }
    }
  });

  it('never cuts inside a number and ends every chunk at a sentence or paragraph end', () => {
    for (const { doc, chunk } of allChunks) {
      const { start, end } = chunk.metadata;
      const before = doc.cleaned[start - 1] ?? '\n';
      if (/\d/.test(doc.cleaned[start])) expect(before, chunk.metadata.id).not.toMatch(/[\d.]/);
      const after = doc.cleaned[end] ?? '\n';
      const endsSentence = /[。！？!?；;][”’）)]*$/.test(chunk.pageContent);
      expect(endsSentence || after === '\n', `${chunk.metadata.id} ends with …${chunk.pageContent.slice(-10)}`).toBe(true);
      expect(before === '\n' || /[。！？!?；;”’）)\s]/.test(before), `${chunk.metadata.id} starts mid-sentence`).toBe(true);
    }
  });

  it('keeps chunks retrieval-sized: ≤ 400 chars unless a single sentence is that long', () => {
    for (const { chunk } of allChunks) {
      if (chunk.metadata.kind === 'footnote') continue; // a footnote is one chunk by design
      const text = chunk.pageContent;
      if (text.length <= 400) continue;
      const inner = text.slice(0, -1);
      expect(/[。！？!?]/.test(inner), `${chunk.metadata.id} (${text.length}) has several sentences`).toBe(false);
    }
    const paragraphs = allChunks.filter(({ chunk }) => chunk.metadata.kind === 'paragraph');
    const long = paragraphs.filter(({ chunk }) => chunk.pageContent.length > 300);
    expect(long.length).toBeLessThanOrEqual(2);
  });

  it('every body character outside chunks is a heading, the title or the salutation', () => {
    for (const d of docs) {
      const covered = new Uint8Array(d.cleaned.length);
      for (const c of d.chunks) covered.fill(1, c.metadata.start, c.metadata.end);
      const headingStarts = new Set(d.sections.map((s) => s.start));
      let lineStart = 0;
      for (const line of d.cleaned.split('\n')) {
        const uncovered = [...line].some((ch, i) => !covered[lineStart + i] && ch.trim() !== '');
        if (uncovered) {
          const known = headingStarts.has(lineStart) || line === '各位代表:' || lineStart === 0;
          expect(known, `${d.entry.id}: unchunked text "${line.slice(0, 40)}"`).toBe(true);
          expect(line.length).toBeLessThanOrEqual(40);
        }
        lineStart += line.length + 1;
      }
    }
  });

  it('each figure appears verbatim inside exactly one chunk', () => {
    for (const fig of ['3570亿元', '6313亿元', '1080元/月', '225亿元']) chunkWith(report, fig);
    expect(report.chunks.filter((c) => c.pageContent.includes('138万人左右'))).toHaveLength(1);
    expect(plan.chunks.filter((c) => c.pageContent.includes('138万人左右'))).toHaveLength(1);
    chunkWith(plan, '预计超6.9万元');
    chunkWith(plan, '26.5左右（含常州经开区）');
  });
});

describe('work report structure', () => {
  it('review paragraphs take their inline numbered heading as section', () => {
    const c = chunkWith(report, '零部件产值超1300亿元');
    expect(c.metadata.section).toEqual(['2025年及“十四五”工作回顾', '一、坚持产业强区，加固发展根基']);
    expect(c.metadata.timeScope).toEqual(['y2025']);
    expect(c.metadata.kind).toBe('paragraph');
    // Later pieces of the same paragraph keep the section.
    expect(chunkWith(report, '4家企业入选省数字消费创新场景').metadata.section).toEqual(c.metadata.section);
    expect(chunkWith(report, '低保标准提升至1080元/月').metadata.section).toEqual([
      '2025年及“十四五”工作回顾',
      '六、坚持人民至上，践行初心使命',
    ]);
  });

  it('non-numbered review paragraphs sit at part level', () => {
    expect(chunkWith(report, '全年预计完成地区生产总值3570亿元').metadata.section).toEqual(['2025年及“十四五”工作回顾']);
    expect(chunkWith(report, '新建高标准厂房59万平方米').metadata.section).toEqual(['2025年及“十四五”工作回顾']);
  });

  it('2026 plan paragraphs carry part, numbered heading and topic lead', () => {
    const target = chunkWith(report, '地区生产总值增长5.5%左右');
    expect(target.metadata.section).toEqual(['2026年工作安排']);
    expect(target.metadata.timeScope).toEqual(['y2026']);
    expect(chunkWith(report, '组织促消费活动超50场').metadata.section).toEqual([
      '2026年工作安排',
      '一、全力挖掘释放内需潜力',
      '提振消费市场',
    ]);
    expect(chunkWith(report, '三大集群力争完成产值4000亿元').metadata.section).toEqual([
      '2026年工作安排',
      '二、坚定走好产业强区之路',
      '打造先进制造业发展高地',
    ]);
    expect(chunkWith(report, '36项民生实事候选项目').metadata.section).toEqual(['2026年工作安排', '七、用心办好惠民利民实事']);
    const parts = report.sections.filter((s) => s.level === 2 && s.path[0] === '2026年工作安排').map((s) => s.title);
    expect(parts).toEqual([
      '一、全力挖掘释放内需潜力',
      '二、坚定走好产业强区之路',
      '三、全面优化科技创新生态',
      '四、持续增强改革开放动能',
      '五、一体推进城乡融合发展',
      '六、巩固提升生态环境质量',
      '七、用心办好惠民利民实事',
      '八、加力推动有为政府建设',
    ]);
    for (const c of report.chunks.filter((c) => c.metadata.section[0] === '2026年工作安排')) {
      expect(c.metadata.timeScope).toEqual(['y2026']);
    }
  });

  it('dates review paragraphs by their lead', () => {
    const scope = (text: string) => chunkWith(report, text).metadata.timeScope;
    expect(scope('规上工业总产值6313亿元')).toEqual(['y2025']);
    expect(scope('一年来,重点开展了以下工作')).toEqual(['y2025']);
    expect(scope('政府系统自身建设迈出新的步伐')).toEqual(['y2025']);
    expect(scope('2025年各项目标的如期完成')).toEqual(['y2025', 'fyp14']);
    expect(scope('地区生产总值较“十三五”末增长38%')).toEqual(['fyp14']);
    expect(scope('城乡居民人均可支配收入超7万元')).toEqual(['fyp14']);
    expect(scope('回首“十四五”')).toEqual(['fyp14']);
    expect(scope('常住人口规模达138万人左右')).toEqual(['fyp15']);
    expect(scope('地区生产总值达1500亿元')).toEqual(['fyp15']);
    expect(report.chunks[0].metadata.timeScope).toEqual([]); // opening, before any part
  });

  it('marks the 常州经开区 paragraphs by their subject, not by mentions', () => {
    const cetdz = report.chunks.filter((c) => c.metadata.region === 'cetdz');
    expect(cetdz.length).toBeGreaterThanOrEqual(2);
    for (const c of cetdz) expect(paragraphOf(report, c)).toMatch(/^(过去一年|未来五年),常州经开区/);
    expect(chunkWith(report, '过去一年,常州经开区各项工作收获新的成果').metadata.region).toBe('cetdz');
    expect(chunkWith(report, '未来五年,常州经开区发展将迈上新的台阶').metadata.region).toBe('cetdz');
    expect(chunkWith(report, '常州经开区紧扣“4+3+X”产业布局').metadata.region).toBe('wujin');
    expect(chunkWith(report, '常州经开区位列全国省级开发区').metadata.region).toBe('wujin');
  });

  it('makes one glossary chunk per entry with its term', () => {
    const glossary = report.chunks.filter((c) => c.metadata.kind === 'glossary');
    expect(glossary.map((c) => c.metadata.term)).toEqual([
      '“46X”生态体系',
      '水电气网联合报装“一件事”',
      '四城',
      '“35X”产业体系',
      '“4+3+X”产业布局',
      'OPC',
      '“换位跑一次”行动',
      '外经贸十大护航行动',
      '“食武驿”项目',
      '安全生产“六化”建设',
      '“爱心榕”行动',
    ]);
    for (const [i, c] of glossary.entries()) {
      expect(c.metadata.section).toEqual(['名词解释']);
      expect(c.pageContent.startsWith(`${i + 1}、${c.metadata.term}:`)).toBe(true);
    }
    expect(glossary[0].pageContent).toContain('“X”即X个智能体应用场景。');
  });

  it('lists top-level parts with spans covering their text', () => {
    const top = report.sections.filter((s) => s.level === 1);
    expect(top.map((s) => s.title)).toEqual(['2025年及“十四五”工作回顾', '“十五五”时期主要目标任务', '2026年工作安排', '名词解释']);
    for (const s of report.sections) {
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(report.cleaned.length);
    }
    const review = top[0];
    expect(report.cleaned.slice(review.start).startsWith('2025年及“十四五”工作回顾\n')).toBe(true);
    const c = chunkWith(report, '零部件产值超1300亿元');
    expect(c.metadata.start).toBeGreaterThan(review.start);
    expect(c.metadata.end).toBeLessThanOrEqual(review.end);
  });
});

describe('plan outline structure', () => {
  it('gives a later piece of a long paragraph the paragraph\'s first sentence, where its topic stands', () => {
    expect(chunkWith(plan, '伟驰集团立足园区开发建设与运营管理').metadata.paragraphLead).toBe('深化国资国企改革。');
    expect(chunkWith(plan, '深化国资国企改革。由区财政局').metadata.paragraphLead).toBeUndefined();
  });

  it('builds 篇/章/节 section paths', () => {
    const c = chunkWith(plan, '城乡居民人均可支配收入预计超6.9万元');
    expect(c.metadata.section).toEqual(['第一篇 发展基础', '第一章 “十四五”发展成效', '第一节 中国式现代化武进实践取得良好开局']);
    expect(c.metadata.timeScope).toEqual(['fyp14']);
    expect(chunkWith(plan, '离不开“三支队伍”的支撑').metadata.timeScope).toEqual(['fyp14']);
    // "第二章 “十五五”机遇挑战" analyses the starting point: it speaks for the coming period and for now (十四五's end).
    expect(chunkWith(plan, '产业底蕴深厚').metadata.timeScope).toEqual(['fyp15', 'fyp14']);
    const chapter31 = chunkWith(plan, '强化财政资金统筹与精准配置');
    expect(chapter31.metadata.section).toEqual(['第八篇 加强规划实施保障', '第三十一章 强化资金精准高效保障']);
    for (const n of ['二十八', '二十九', '三十', '三十一']) {
      const s = plan.sections.find((x) => x.title.startsWith(`第${n}章`));
      expect(s?.path[0]).toBe('第八篇 加强规划实施保障');
    }
    expect(plan.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual([
      '第一篇 发展基础',
      '第二篇 目标愿景',
      '第三篇 全面推进深层次改革和高水平开放',
      '第四篇 因地制宜发展新质生产力',
      '第五篇 扎实推动共同富裕',
      '第六篇 完善现代化基础设施布局',
      '第七篇 营造一流营商环境',
      '第八篇 加强规划实施保障',
      '附件 武进区“十五五”经济社会发展指标',
    ]);
    expect(plan.sections.filter((s) => s.level === 2)).toHaveLength(31);
    expect(chunkWith(plan, '全力构建政策协同高效').metadata.section).toEqual(['第七篇 营造一流营商环境']);
    for (const c of plan.chunks) {
      const chapter = c.metadata.section[1] ?? '';
      const expected = chapter.startsWith('第一章') ? ['fyp14'] : chapter.includes('机遇挑战') ? ['fyp15', 'fyp14'] : ['fyp15'];
      expect(c.metadata.timeScope, c.metadata.id).toEqual(expected);
    }
  });

  it('places each footnote right after its reference, as its own chunk', () => {
    const notes = plan.chunks.filter((c) => c.metadata.kind === 'footnote');
    expect(notes).toHaveLength(3);
    const precedingLine = (c: Chunk) => {
      const before = plan.cleaned.slice(0, c.metadata.start).trimEnd();
      return before.slice(before.lastIndexOf('\n') + 1);
    };
    const [n0, n1, n2] = notes;
    expect(n0.pageContent).toBe('注：“十四五”发展成效包含常州经开区。');
    expect(precedingLine(n0)).toBe('第一章 “十四五”发展成效');
    expect(n0.metadata.section).toEqual(['第一篇 发展基础', '第一章 “十四五”发展成效']);
    expect(n0.metadata.timeScope).toEqual(['fyp14']);
    expect(n0.metadata.term).toBeUndefined();

    expect(n1.pageContent).toBe('注：“十五五”机遇挑战及目标任务不含常州经开区。');
    expect(precedingLine(n1)).toBe('第二章 “十五五”机遇挑战');
    expect(n1.metadata.section).toEqual(['第一篇 发展基础', '第二章 “十五五”机遇挑战']);

    expect(n2.pageContent.startsWith('注：“1234567”战略：“1”即明确“一个定位”')).toBe(true);
    expect(n2.pageContent.endsWith('这是推动高质量发展迈上新台阶的关键支撑。')).toBe(true);
    expect(n2.metadata.term).toBe('“1234567”战略');
    expect(precedingLine(n2).endsWith('为2035年基本实现社会主义现代化奠定坚实基础。')).toBe(true);
    expect(precedingLine(n2)).toContain('紧扣“1234567”战略，牢固树立');
    expect(n2.metadata.section).toEqual(['第二篇 目标愿景', '第三章 指导思想和工作原则', '第一节 指导思想']);
    for (const n of notes) expect(plan.cleaned.slice(n.metadata.start - 2, n.metadata.start)).toBe('\n\n');
  });

  it('makes one indicator chunk per table row with the parsed row', () => {
    const rows = plan.chunks.filter((c) => c.metadata.kind === 'indicator');
    expect(rows).toHaveLength(27);
    expect(new Set(rows.map((c) => c.metadata.indicator?.number))).toEqual(new Set(Array.from({ length: 26 }, (_, i) => String(i + 1))));
    const byNumber = (n: string) => rows.filter((c) => c.metadata.indicator?.number === n).map((c) => c.metadata.indicator);
    expect(byNumber('1')).toEqual([
      { category: '高质量发展指标', number: '1', name: '地区生产总值（GDP）增长', unit: '%', target: '高于全市平均' },
    ]);
    expect(byNumber('10')).toEqual([
      { category: '高质量发展指标', number: '10', name: '城镇新增就业人数', unit: '万人', target: '11以上（累计）' },
    ]);
    expect(byNumber('12')).toEqual([
      { category: '高质量发展指标', number: '12', name: '每千人口拥有医护人员数：执业（助理）医师数', unit: '人', target: '3.7' },
      { category: '高质量发展指标', number: '12', name: '每千人口拥有医护人员数：注册护士数', unit: '人', target: '3.9' },
    ]);
    expect(byNumber('18')[0]).toMatchObject({ name: '人均体育场地面积', unit: '平方米/人', target: '4.5' });
    expect(byNumber('19')[0]).toMatchObject({ category: '约束类指标', name: '单位GDP二氧化碳排放降低', unit: '%' });
    expect(byNumber('20')[0]).toMatchObject({ name: '细颗粒物（PM2.5）年均浓度', unit: '微克/立方米', target: '完成市定目标' });
    expect(byNumber('21')[0]).toMatchObject({ name: '林木覆盖率', unit: '%', target: '26.5左右（含常州经开区）' });
    expect(byNumber('23')[0]).toMatchObject({ unit: '亿斤', target: '1' });
    expect(byNumber('24')[0]).toMatchObject({ unit: '万亩', target: '14.22' });
    const units = new Set(rows.map((c) => c.metadata.indicator?.unit));
    expect(units).toEqual(new Set(['%', '亿元', '件', '家', '万人', '岁', '人', '个', '年', '平方米/人', '微克/立方米', '亿斤']).add('万亩'));
    for (const c of rows) {
      const row = c.metadata.indicator!;
      expect(c.metadata.section).toEqual(['附件 武进区“十五五”经济社会发展指标']);
      expect(c.metadata.timeScope).toEqual(['fyp15']);
      expect(c.metadata.region).toBe('wujin');
      expect(c.pageContent).toContain(`${row.name}（${row.unit}）`);
      expect(c.pageContent).toContain(row.target);
      expect(c.pageContent).toContain(row.category);
    }
    expect(rows[0].pageContent).toBe('高质量发展指标 1. 地区生产总值（GDP）增长（%）：2030年目标 高于全市平均');
  });

  it('marks the 常州经开区 goal paragraph as cetdz and nothing else', () => {
    const cetdz = plan.chunks.filter((c) => c.metadata.region === 'cetdz');
    expect(cetdz.length).toBeGreaterThanOrEqual(1);
    for (const c of cetdz) expect(paragraphOf(plan, c).startsWith('——常州经开区。')).toBe(true);
    expect(chunkWith(plan, '常州东部副中心功能基本成型').metadata.region).toBe('cetdz');
  });
});

describe('building blocks', () => {
  it('packParagraph cuts only at sentence ends, in balanced pieces', () => {
    const sentence = (i: number) => `第${i}项工作完成投资3.5亿元、增长12.5%，带动就业1.2万人。`;
    const text = Array.from({ length: 20 }, (_, i) => sentence(i)).join('');
    const spans = packParagraph(text);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    for (const s of spans) {
      expect(text[s.end - 1]).toBe('。');
      expect(s.end - s.start).toBeLessThanOrEqual(260);
      expect(s.end - s.start).toBeGreaterThanOrEqual(120);
    }
    expect(packParagraph('短段落。')).toEqual([{ start: 0, end: 4 }]);
  });

  it('packParagraph falls back to ； inside an over-long sentence', () => {
    const clause = '推进重点项目建设并完善配套设施和公共服务体系建设水平';
    const text = Array.from({ length: 14 }, () => clause).join('；') + '。';
    const spans = packParagraph(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans.slice(0, -1)) expect(text[s.end - 1]).toBe('；');
  });

  it('splitUnit keeps inner parentheses', () => {
    expect(splitUnit('地区生产总值（GDP）增长（%）')).toEqual({ name: '地区生产总值（GDP）增长', unit: '%' });
    expect(splitUnit('执业（助理）医师数（人）')).toEqual({ name: '执业（助理）医师数', unit: '人' });
    expect(splitUnit('每千人口拥有医护人员数')).toEqual({ name: '每千人口拥有医护人员数', unit: '' });
  });

  it('parseIndicatorTable joins wrapped cells and nested rows', () => {
    const lines = ['\t类别', '\t序号', '\t指标名称', '\t目标年', '', '\t甲类', '指标', '\t1', '\t产值（亿元）', '\t10', '（累计）', '', '\t', '\t2', '\t人员数', '\t医师（人）', '\t3', '', '\t', '\t', '\t', '\t护士（人）', '\t4'];
    const table = parseIndicatorTable(lines);
    expect(table.targetLabel).toBe('目标年');
    expect(table.rows).toEqual([
      { category: '甲类指标', number: '1', name: '产值', unit: '亿元', target: '10（累计）' },
      { category: '甲类指标', number: '2', name: '人员数：医师', unit: '人', target: '3' },
      { category: '甲类指标', number: '2', name: '人员数：护士', unit: '人', target: '4' },
    ]);
    expect(formatIndicatorRow(table.rows[0], table.targetLabel)).toBe('甲类指标 1. 产值（亿元）：目标年 10（累计）');
  });

  it('regionOfParagraph and scopesIn read the lead', () => {
    expect(regionOfParagraph('过去一年,常州经开区各项工作收获新的成果。')).toBe('cetdz');
    expect(regionOfParagraph('——常州经开区。省级开发区…')).toBe('cetdz');
    expect(regionOfParagraph('打造先进制造业发展高地。常州经开区紧扣…')).toBe('wujin');
    expect(scopesIn('2025年及“十四五”工作回顾')).toEqual(['y2025', 'fyp14']);
    expect(scopesIn('常州市武进区国民经济和社会发展第十五个五年规划纲要')).toEqual(['fyp15']);
    expect(normalizeHeading('名 词 解 释')).toBe('名词解释');
    expect(normalizeHeading('一、坚持产业强区,加固发展根基')).toBe('一、坚持产业强区，加固发展根基');
  });
});
