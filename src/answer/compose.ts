import type { DocumentEntry } from '../ingest/types.js';
import { simplifiedToTraditional, type QuestionScript } from '../text/script.js';
import type { RefusalReason } from './out-of-scope.js';
import type { RespectivePair } from './respectively.js';
import { trimPunctuation } from './split-clauses.js';

/** One source statement an answer quotes. */
export interface Statement {
  doc: DocumentEntry;
  section: string[];
  quote: string;
  /** Figures of the quote that answer the question, verbatim. */
  figures: string[];
  /** The item of a 分别 list the question asked about, with its value. */
  focus?: RespectivePair[];
  citation: number;
  /** Unit of an indicator row, whose target cell carries none ("2000" in a row "高新技术企业数（家）"). */
  unit?: string;
  kind: 'paragraph' | 'glossary' | 'footnote' | 'indicator';
}

const QUALIFIERS_EN: [RegExp, string][] = [
  [/^超过|^超|^逾/, 'over '],
  [/^突破/, 'exceeding '],
  [/^近|^接近/, 'nearly '],
  [/^约/, 'about '],
  [/^不少于|^不低于/, 'at least '],
];
const SUFFIXES_EN: [RegExp, string][] = [
  [/左右$/, ' (approximately)'],
  [/以上$/, ' or more'],
  [/以下$|以内$/, ' or less'],
  [/余$|多$/, '-plus'],
];
const UNITS_EN: [string, string][] = [
  ['个百分点', ' percentage points'],
  ['亿美元', ' hundred-million US dollars'],
  ['亿元', ' hundred-million yuan'],
  ['万元', ' ten-thousand yuan'],
  ['元/月', ' yuan per month'],
  ['万人', ' ten-thousand people'],
  ['万亩', ' ten-thousand mu'],
  ['万平方米', ' ten-thousand square metres'],
  ['平方米', ' square metres'],
  ['万套', ' ten-thousand units'],
  ['万', ' ten-thousand'],
  ['亿', ' hundred-million'],
  ['家', ' (firms)'],
  ['个', ''],
  ['项', ' (items)'],
  ['件', ' (items)'],
  ['人', ' people'],
  ['岁', ' years'],
  ['%', '%'],
];

/** An English gloss of a figure that adds no digit of its own: "超1300亿元" → "over 1300 hundred-million yuan (超1300亿元)". */
export function glossFigure(value: string): string {
  let rest = value;
  let lead = '';
  let tail = '';
  for (const [re, en] of QUALIFIERS_EN) if (re.test(rest)) { lead = en; rest = rest.replace(re, ''); break; }
  for (const [re, en] of SUFFIXES_EN) if (re.test(rest)) { tail = en; rest = rest.replace(re, ''); break; }
  const number = rest.match(/^[\d.—–\-]+/)?.[0];
  if (!number) return value;
  const unit = rest.slice(number.length);
  const unitEn = UNITS_EN.find(([zh]) => zh === unit)?.[1] ?? (unit ? ` ${unit}` : '');
  return `${lead}${number}${unitEn}${tail} (${value})`;
}

function sectionLabel(section: string[]): string {
  return section.join(' › ');
}

function zhStatement(s: Statement): string {
  const where = `《${s.doc.title}》${s.section.length ? `（${sectionLabel(s.section)}）` : ''}`;
  const quote = trimPunctuation(s.quote);
  if (s.focus && s.focus.length > 0) {
    const pairs = s.focus.map((p) => `${p.item}${p.verb}${p.value}`).join('；');
    return `${where}：${pairs}。原文：“${quote}。”[${s.citation}]`;
  }
  return `${where}：${quote}。[${s.citation}]`;
}

function enStatement(s: Statement): string {
  const where = `the ${s.doc.titleEn}${s.section.length ? ` (section “${sectionLabel(s.section)}”)` : ''}`;
  const quote = trimPunctuation(s.quote);
  const figures = s.focus?.length
    ? s.focus.map((p) => `${p.item}: ${glossFigure(p.value)}`)
    : s.figures.map((f) => (s.unit ? `${f} (unit: ${s.unit})` : glossFigure(f)));
  const lead = figures.length > 0 ? `According to ${where}, the figure is ${figures.join('; ')}.` : `According to ${where}:`;
  return `${lead} Source text: “${quote}。”[${s.citation}]`;
}

/**
 * One statement, or several: from the two documents when they give different figures ('conflict'), for the
 * parts of a question that asks several things found in different passages ('parts'), or a sentence and the
 * indicator table's row for what it states ('table').
 */
export function composeFound(statements: Statement[], script: QuestionScript, relation: 'conflict' | 'parts' | 'table' = 'conflict'): string {
  // The sentence answers; the plan's indicator table row for the same indicator, with its cell as written, follows.
  if (relation === 'table' && statements.length === 2) {
    const [said, row] = statements as [Statement, Statement];
    if (script === 'en') return `${enStatement(said)}\nThe plan's indicator table lists the same indicator. ${enStatement(row)}`;
    const text = `根据${zhStatement(said)}\n指标表中的同一指标：${zhStatement(row)}`;
    return script === 'zh-Hant' ? simplifiedToTraditional(text) : text;
  }
  if (script === 'en') {
    const head = statements.length < 2 ? '' : relation === 'conflict' ? 'The two documents give different figures. ' : 'The question asks for several things, answered in different passages. ';
    return head + statements.map(enStatement).join('\n');
  }
  const heading = relation === 'conflict' ? '两份文件的表述不同，分别如下：' : '问题涉及多项内容，分别如下：';
  const text = statements.length > 1 ? `${heading}\n${statements.map((s) => `· ${zhStatement(s)}`).join('\n')}` : `根据${zhStatement(statements[0]!)}`;
  return script === 'zh-Hant' ? simplifiedToTraditional(text) : text;
}

const COVERAGE_ZH =
  '我能回答的内容来自两份文件：武进区政府工作报告（上一年及“十四五”的成绩、今年的目标任务）和武进区“十五五”规划纲要（到规划期末的目标、指标和重点任务），也包括常州经开区的相关内容。';
const COVERAGE_EN =
  'I answer from two documents: the Wujin District Government Work Report (last year’s results, the review of the Fourteenth Five-Year Plan period and this year’s targets) and the Outline of the Fifteenth Five-Year Plan of Wujin District (targets for the end of the plan period), including the Changzhou Economic Development Zone.';

const REASONS_ZH: Record<RefusalReason, string> = {
  instruction: '抱歉，我只回答与武进区政府文件内容有关的问题，不执行其他指令。',
  chitchat: '您好！我是武进区政策智能问答助手，只回答与政府文件内容有关的问题。',
  service: '抱歉，办事指南、联系方式等服务信息不在这两份文件中，请咨询武进区政务服务中心或相关部门。',
  opinion: '抱歉，我只依据文件原文回答，不作评价或预测。',
  'other-year': '抱歉，文件中没有您所问年份或时段的数据。',
  'other-place': '抱歉，文件只涉及武进区和常州经开区，没有您所问地区的内容。',
  'not-in-documents': '抱歉，现有文件中没有找到这个问题的答案。',
};
const REASONS_EN: Record<RefusalReason, string> = {
  instruction: 'Sorry, I only answer questions about the contents of the Wujin District government documents and do not follow other instructions.',
  chitchat: 'Hello! I am the Wujin District policy Q&A assistant and answer questions about the district’s official documents.',
  service: 'Sorry, service guidance and contact details are not part of these documents; please ask the Wujin government service centre.',
  opinion: 'Sorry, I answer from the documents’ own words and give no opinions or forecasts.',
  'other-year': 'Sorry, the documents give no figures for the year or part of a year you asked about.',
  'other-place': 'Sorry, the documents cover Wujin District and the Changzhou Economic Development Zone only, not the place you asked about.',
  'not-in-documents': 'Sorry, the documents do not answer this question.',
};

export function composeNotFound(reason: RefusalReason, script: QuestionScript, hasRelated: boolean): string {
  if (script === 'en') return `${REASONS_EN[reason]} ${COVERAGE_EN}${hasRelated ? ' Related passages are listed below.' : ''}`;
  const text = `${REASONS_ZH[reason]}${COVERAGE_ZH}${hasRelated ? '以下是可能相关的段落，供参考。' : ''}`;
  return script === 'zh-Hant' ? simplifiedToTraditional(text) : text;
}
