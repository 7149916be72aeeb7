import { englishAmounts, ENGLISH_PRICE } from '../text/english-amounts.js';
import { chineseTermsFor } from '../text/english-glossary.js';
import { countInDigits } from '../text/chinese-counts.js';
import { normalizeForMatch } from '../text/normalize.js';
import { detectScript, type QuestionScript } from '../text/script.js';
import { synonymsIn } from '../text/synonyms.js';
import { segmentWords, tagWords } from '../text/tokenize.js';
import { askedBase } from './comparison-base.js';
import { asksZoneScope, detectFrame, frameIsEmpty, inheritFrame, type QueryFrame } from './query-frame.js';

export type Intent = 'figure' | 'definition' | 'list' | 'general';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface QuestionAnalysis {
  question: string;
  /** The question as typed, normalised for matching (NFKC, simplified, lower-cased); read once, used by every stage. */
  normalized: string;
  script: QuestionScript;
  /** Simplified, NFKC, lower-cased; English questions are replaced by the Chinese terms they name. */
  matchText: string;
  /** Topic words the user asked about (no frame words, no question words). */
  contentTerms: string[];
  /**
   * Context, not topic: content terms carried over from earlier turns into an elliptic follow-up ("太湖清淤多少" →
   * "滆湖呢？") or named only where the asker describes themselves ("我是做外贸的，…"). They count half.
   */
  contextTerms: string[];
  /** The kind of item a list question asks for ("包括哪些板块"): the items themselves rarely repeat it. They count half. */
  itemKinds: string[];
  /** Synonyms of the content terms, matched at a lower weight. */
  expansions: string[];
  frame: QueryFrame;
  intent: Intent;
  /** True when the topic or the frame was taken from earlier turns. */
  followUp: boolean;
  /** The question without the clauses that tell the asker's own story (normalised): where the place asked about is read. */
  asked: string;
  /** Content terms named only in clauses that ask nothing: the asker's story or a remark ("卫生间老摔跤，…", "现在年轻人都往外跑，…"). */
  unasked: string[];
  /** The base of a comparison the question names ("较2020年", "跟“十三五”末相比"), as a year. */
  base?: string;
  /**
   * The topic words of each sentence asking an amount, when two or more do ("新增了多少个外资项目？实际用了多少外资？"
   * → [外资项目, 新增], [外资]): each wants a figure of its own. Empty otherwise (and for English questions).
   */
  askingParts: string[][];
  /**
   * A question with a topic of its own asked in a conversation ("X个未来产业具体指哪些方向？" after "“35X”产业体系里的5个
   * 战略性新兴产业是哪几个？"): the earlier question's topic words, which tell apart passages the question fits equally.
   */
  conversationTerms: string[];
}

/**
 * Words that set the frame or are generic in every passage of these documents; they steer
 * boosts but do not make a passage an answer.
 */
const FRAME_WORDS = new Set([
  '武进', '武进区', '全区', '我区', '本区', '区', '区属', '常州', '常州市', '江苏', '去年', '今年', '明年', '过去', '一年', '全年', '年度',
  '2025', '2026', '2030', '2020', '十四五', '十五五', '十三五', '期间', '时期', '末', '五年', '未来', '过去五年', '到期',
  '目标', '预期', '预计', '计划', '完成', '实现', '达到', '达', '多少', '数据', '数字', '情况', '规划', '纲要', '报告',
  '政府', '工作', '工作报告', '政府工作报告', '规划纲要', '文件', '提到', '提出', '根据', '是', '有', '为', '将', '要',
  '经开区', '常州经开区', '开发区', '经济开发区', '呢', '那', '那么', '它', '它的', '其', '还有', '另外', '以及',
  '主要', '具体', '相关', '方面', '内容', '怎么样', '如何', '怎样', '什么', '哪些', '哪', '几', '个', '请问', '告诉',
  '一下', '说说', '介绍', '吗', '年', '到', '会', '能', '上', '下', '比', '较', '年底', '年末', '指标', '累计', '提高', '提升', '上年', '上一年', '同期', '去年同期',
  '接近', '超过', '突破', '左右', '以上', '以内', '大约',
  'target', 'targets', 'goal', 'goals', 'plan', 'report', 'district', 'government', 'last', 'this', 'next', 'year',
  'years', 'past', 'five', 'five-year', 'fifteenth', 'fourteenth', '15th', '14th', 'development', 'zone', 'work', 'outline',
  'cetdz', 'by', 'coming', 'now', 'currently', 'present', 'right', 'at', '五年规划', '为此', '其中', '当中', '里面', '分别', '各', '各自', '那边', '这边', '那里', '这里', '那儿', '这儿',
  '这种', '那种', '这类', '那类', '这些', '那些', '这个', '那个', '此类', '整个', '全部', '所有', '一共', '总共', '以来', '到底', '究竟',
  '任务', '硬任务', '硬指标', '目标任务', '相比', '比较', '对比', '相较', '量化', '具体数', '数', '放到', '放在', '来看', '拿到', '话题', '换个话题', '就是', '也就是',
  // How a topic is introduced, the end of a period named just before ("十四五期末") and the asker's hopes ("区里希望…
  // 达到多少") say no topic.
  '关于', '对于', '有关', '期末', '希望', '期望', '盼望', '期待',
  // Verbs of getting ("获得了几项", "拿到多少") and the province or city as the asker says it ("省里的奖") name no topic.
  '获得', '取得', '拿到', '拿了', '省里', '市里',
  // How much, said vaguely ("特别多", "一大片"): the asker's impression, not a topic. (不少, 好多 go with COLLOQUIAL_PHRASES.)
  '特别', '非常', '十分', '相当', '挺', '蛮', '很多', '许多', '大片', '一大片', '新高', '创新高', '又创新高'
]);

const FIGURE_INTENT = /多少|几[个家项所万亿人次]|几成|比重|比例|占比|增长|增速|增幅|下降|目标|规模|数量|总额|总量|金额|面积|标准|达到|多大|多高|多长|人数|\b(?:how (?:many|much|big|large|high|fast|far|long)|what percentage|what share|rates?|target(?:s|ed)?|growth|number of|total|amount|figures?|standards?)\b/;
const DEFINITION_INTENT = /是什么|是(?:个|一个|一种|一项|一类)什么|什么是|什么叫|(?:是)?(?:做|干)什么的|是(?:做|干)(?:什么|嘛)|指什么|是指|指的是|具体指|含义|意思|定义|何谓|包含什么内容|有什么内容|\b(?:what is|what are|what does|means?|meaning|define|definition)\b/;
const LIST_INTENT = /哪些|还有(?:哪个|什么|别的)|哪几|哪(?!一?年)[一二三四五六七八九十两“"]|是哪|包括|包含|有什么|分别是|\b(?:which|list|name the|what are the)\b/;

/** Questions about ways and reasons want sentences; everything else names a measure and wants its figure. */
const GENERAL_INTENT = /如何|怎么|怎样|为什么|为何|措施|举措|做法|思路|重点|任务|方向|意义|\b(?:how|why|what measures|what steps|what will .* do)\b/;

function intentOf(matchText: string): Intent {
  if (LIST_INTENT.test(matchText) && !/多少|(?<!哪)几[个家项万亿]/.test(matchText)) return 'list';
  const asksFigure = FIGURE_INTENT.test(matchText) || ENGLISH_PRICE.test(matchText);
  if (DEFINITION_INTENT.test(matchText) && !asksFigure) return 'definition';
  if (asksFigure) return 'figure';
  if (DEFINITION_INTENT.test(matchText)) return 'definition';
  return GENERAL_INTENT.test(matchText) ? 'general' : 'figure';
}

/** The words that ask which items ("哪些", "哪几家", "哪三个"); the word after them is the kind of item. */
const KIND_ASKED = /哪些|哪几[个家项类种所条座大]?|哪[一二三四五六七八九十两]+[个家项类种所条座大]/g;

/**
 * "包括哪些板块", "有哪几家企业": the kind of item a list question asks for, which the items themselves rarely repeat;
 * none when nothing else names the topic. (Plain string tests: a term is user text, which may hold "(" or "+".)
 */
function itemKindsOf(matchText: string, contentTerms: string[], contextTerms: string[]): string[] {
  const found = [...matchText.matchAll(KIND_ASKED)];
  const after = found.map((m) => matchText.slice(m.index + m[0].length));
  // "区属国企集团有哪几家": a kind not named after the asking words may come just before them and "有"
  // ("…行动包括哪些" names a whole; "国有企业有哪几家集团" names the kind after).
  const before = found.flatMap((m) => {
    const lead = /\p{Script=Han}/u.test(matchText.slice(m.index + m[0].length)) ? null : /(?:主要|都|一共|总共)?有$/.exec(matchText.slice(0, m.index));
    return lead === null ? [] : [matchText.slice(0, lead.index)];
  });
  const kinds = contentTerms.filter((t) => after.some((rest) => rest.startsWith(t)) || before.some((lead) => lead.endsWith(t)));
  return kinds.length > 0 && contentTerms.some((t) => !kinds.includes(t) && !contextTerms.includes(t)) ? kinds : [];
}

/** Questions that only change the frame or point back ("那…呢", "它的…", "这个指标…", "what about …"). */
const ELLIPTIC = /^(那|那么|那在|还有|而|再问|同样|它|其|具体|分别)|呢[?？。]?$|这个|这项|这一|这些|上述|(?<!应)该项?|为此|它们|^(what about|and |how about|and what about|same for)|\b(it|its|they|their)\b|\b(this|that) (figure|indicator|target|one|number|project|industry)\b/;

/** "另外，…", "还有个问题，…", "换个话题": a question of its own, whatever it shares with earlier turns. */
const NEW_TOPIC = /^(另外|此外|还有(?:一)?个问题|再问(?:一)?个问题|换个(?:话题|问题)|顺便问|by the way|another question|also,? )/;

/**
 * Words that say which measure of a topic is asked, not which topic: a follow-up made only of them
 * ("去年实际增长了多少？", "每年新增多少？") is about the earlier turn's topic in full.
 */
const MEASURE_WORDS = new Set(['实际', '增长', '增加', '减少', '提高', '提升', '增速', '增幅', '下降', '新增', '每年', '年均', '平均', '比例', '比重', '占比', '数量', '总数', '总量', '规模', '目标值', '投入', '金额', '人均', '同比']);

/** Period names are frame, not topic; removed before segmenting so their fragments ("十四", "四五") do not become topic words. */
const FRAME_PHRASES = /十三五|十四五|十五五|(?:19|20)\d\d年?|去年|今年|明年|前年|后年|未来五年|过去五年|五年来|(?:这|近)[五几]年/g;

/**
 * Everyday ways of asking that name no topic: pronouns for the district ("咱们区"), adverbs of amount or
 * doubt ("一共", "大概"), verbs of intent ("打算", "能到") and measure phrasings ("多少钱一个月", "有多大规模").
 * Removed before segmenting, like the period names, so that they neither dilute the topic nor look unanswered.
 */
/** "安不安全", "满不满意": the word itself asked as yes-or-no (but "是不是…", "会不会…" only ask). */
const A_NOT_AB = /(?<![是有会能要对])([^\P{Script=Han}是有会能要对])不\1(\p{Script=Han})/gu;

const COLLOQUIAL_PHRASES =
  /老百姓们?(?!的?收入)|(?<!老)百姓(?!的?收入)|群众|市民|大家|人们|村里|城里|下来|(?:包含|包括|有)(?:什么|哪些)内容|按照|依照|根据|(?:两|这两|二)份(?:文件|文档|材料)?|(?:两个|两份)?文件(?:里|中)?|各是|各自|说法|一样吗?|一致吗?|有没有区别|区别|怎么说的?|(?:是)?(?:做|干)(?:什么|啥)的?|什么内容|啥内容|的?时候|这块|这方面|那块|收官时?|(?:情况|条件)(?:怎么样|咋样|如何)?|怎么样了?|咋样了?|(?:达到|有|是)?(?:什么|多大|怎样的?)(?:规模|水平|程度)|百分之(?:多少|几)|(?:排(?:在|名)?)?第几(?:名|位)?|排名(?:多少|如何)|是不是|对不对|有没有|还是|能不能|会不会|(.)不\1|包不包括|含不含|经过|(?:指标)?表[里中内]|指标表|咱们区|咱们|咱|俺们|我们区|我们|自己|本身|区里|老百姓们|一共|总共|共计|总计|合计有|(?:加|合)(?:起来|在一起)|听说|据说|不少|好多|大概|大约|大致|差不多|左右吧|到底|究竟|现在|目前|如今|已经|打算|准备|想要|还要|还会|还得|除了|除此之外|除此以外|力争|能到|能达到|能做到|要做到|做到|多少钱|(?:一|每一?)个?月|有?多大规模|有?多大|有?多少规模|提到了?|涨到了?|升到了?|搞了|弄了|(?:还有|再问|问)?(?:一)?个问题|(?:哪些|什么|哪个|哪几个)地方|实际(?!利用|使用|到账|到位|投资|完成)|多出来?了?|(?:有|是)?(?:什么|怎么|怎样|哪些)要求|(?:计量)?单位(?:是什么|是啥|是|用的是)|请?列(?:出|举)(?:一下)?|名称|名字/g;

/** Words the user put in quotes are names to match exactly: “四城”, “1234567”战略, "35X". */
function quotedTerms(matchText: string): string[] {
  return [...matchText.matchAll(/[“"「『']([^”"」』']{1,20})[”"」』']/g)]
    .map((m) => m[1]!.trim())
    .filter((t) => t.length > 0 && t.replace(FRAME_PHRASES, '').trim().length > 0);
}

/** jieba keeps "哪四城", "多少钱" whole: question words, not topics. */
const QUESTION_WORD = /^(数量|数目|数字|金额|总量|总数|拥有量|保有量|规模|多大|多高|多长|水平|意思|含义|定义|是指|指)$|^(哪|几|多少|什么|怎么|如何|是否|有没有)/;

/** Numbers, counts and units ("65%", "三个", "亿元") say how much, not what: the figure's label carries the topic. */
const COUNT_OR_UNIT = /^[\d.%]+$|^[\d一二两三四五六七八九十百千万亿几]*(?:个|家|项|所|名|人|次|条|座|件|位|大)$|^[\d.]*[万亿千百]?(?:元|美元|人|亩|吨)$|^%$/;

/** How people say "grew by" / "fell by" versus how the documents write it. */
const GROWTH_WORDS = /涨了|涨幅|上涨|涨/g;
const DECLINE_WORDS = /再降|降了|降幅|降低了|减少了/g;
/** "每年平均", "平均每年", "年平均": the documents' one word for a yearly average is 年均, which the two words apart never match. */
const YEARLY_AVERAGE = /每年平均|平均每年|每年的平均|年平均/g;

/** An age group ("60岁及以上", "18-59岁") names whom a figure counts: a topic, though it is a number. */
export const AGE_GROUP = /\d+(?:[-—~至到]\d+)?岁(?:及以上|以上|及以下|以下)?/g;

function contentTermsOf(matchText: string): string[] {
  const quoted = [...quotedTerms(matchText), ...(matchText.match(AGE_GROUP) ?? [])];
  // Precise segmentation without HMM: HMM invents words across the question's grammar ("数要"), which no passage contains.
  const topic = matchText.replace(/比重要/g, '比重 要').replace(A_NOT_AB, '$1$2').replace(FRAME_PHRASES, ' ').replace(COLLOQUIAL_PHRASES, ' ').replace(GROWTH_WORDS, ' 增长 ').replace(DECLINE_WORDS, ' 下降 ').replace(YEARLY_AVERAGE, ' 年均 ');
  const segmented = [...quoted, ...segmentWords(topic, false)];
  const words = segmented.filter(
    (w) =>
      quoted.includes(w) ||
      (!FRAME_WORDS.has(w) && !QUESTION_WORD.test(w) && !COUNT_OR_UNIT.test(w) && !/^\p{Script=Han}$/u.test(w)),
  );
  // Search mode yields both "总产值" and "产值": keep the longest, drop words contained in another kept word or in a
  // frame word of the question ("常州市" yields "州市", no topic).
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  const frames = segmented.filter((w) => FRAME_WORDS.has(w) && !quoted.includes(w));
  const kept: string[] = [];
  for (const w of unique) if (!kept.some((k) => k.includes(w)) && !frames.some((f) => f.length > w.length && f.includes(w))) kept.push(w);
  return kept;
}

/** How a question about what figures cover is put ("统计口径", "算进去"): the notes that answer it say "包含" or "不含". */
const SCOPE_WORDS = /^(?:统计|口径|统计口径|数据|数字|包括|包含|算进去|算进|计入|算|范围|统计范围)$/;

/** Spoken forms of question words ("啥叫X" is "什么叫X", "咋办" is "怎么办") and of the documents' contractions. */
const SPOKEN = [
  [/啥/g, '什么'],
  [/咋/g, '怎么'],
  [/多会儿|啥时候/g, '什么时候'],
  // "平均每个村" is the documents' "村均", "每个人平均" their "人均".
  [/平均每一?个?([村人])|每一?个?([村人])平均/g, '$1$2均'],
] as const;

/** The report's title names its year ("the 2026 work report"); the year asked is another matter. */
const REPORT_TITLE_YEAR = /\b(?:19|20)\d\d (?:district )?(?:government )?work report\b/g;

const YEAR_SPAN = /(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:19|20)\d\d/g;

function toMatchText(question: string, script: QuestionScript): string {
  let normalized = normalizeForMatch(question);
  for (const [spoken, written] of SPOKEN) normalized = normalized.replace(spoken, written);
  // "一个亿", "两个亿": money said aloud, which the documents write "1亿元", "2亿元".
  normalized = normalized
    .replace(/([一二两三四五六七八九十]{1,3}|\d+)个亿元?/g, (_, n: string) => `${countInDigits(`${n}个`).replace('个', '')}亿元`)
    // "三千万", "五百万": the documents write "3000万元", "500万元".
    .replace(/([一二两三四五六七八九])([千百])万元?/g, (_, n: string, unit: string) => `${countInDigits(`${n}个`).replace('个', '')}${unit === '千' ? '000' : '00'}万元`);
  if (script !== 'en') return normalized;
  // Chinese words written into an English question; bare numbers there are years or ordinals, read below.
  const han = (normalized.match(/[\p{Script=Han}0-9.%（）()]+/gu) ?? []).filter((t) => /\p{Script=Han}/u.test(t));

  // Code names keep their form in any language: "4+3+X", "35X", "1958".
  const codes = normalized.match(/(?:\d+\+)+[\dx]+|\b\d+x\b|(?<=['"“‘])\d{3,8}(?=['"”’])/g) ?? [];
  // A span of years names a period ("2021-2025"); an exclusion of the zone is kept whole so it is not read as the zone.
  const spans = normalized.match(YEAR_SPAN) ?? [];
  const years = normalized.replace(REPORT_TITLE_YEAR, ' ').replace(YEAR_SPAN, ' ').match(/(?:19|20)\d\d/g) ?? [];
  // Leaving the zone out is said in Chinese, which the frame reads ("不含经开区"); the English words are not topics.
  const excluded = /(?:excluding|without|except(?: for)?|not counting|not including|other than|outside) (?:the )?(?:changzhou )?(?:economic )?development zone/;
  // "compared with the end of the 13th Five-Year Plan": the base of a comparison, said as the documents say it.
  const { amounts, rest: withoutAmounts } = englishAmounts(normalized);
  const rest = withoutAmounts
    .replace(/\bfyp\b/g, 'five-year plan') // the abbreviation ("14th FYP") names the same period
    .replace(REPORT_TITLE_YEAR, ' work report ')
    .replace(excluded, ' 不含经开区 ')
    .replace(/(?:compared (?:with|to)|than|since|over) (?:the )?(?:end of (?:the )?)?(?:13th|thirteenth) five-year plan(?: period)?/g, ' 较十三五末 ')
    .replace(/(?:13th|thirteenth) five-year plan(?: period)?/g, ' 十三五 ')
    .replace(/\b(15th|fifteenth|14th|fourteenth) five-year period\b/g, '$1 five-year plan');
  const frameWords =
    rest.match(
      /不含经开区|较十三五末|十三五|last year|this year|past five years|next five years|by 2030|15th five-year plan|14th five-year plan|development zone|cetdz|work report|five-year plan|outline|currently|at present|right now|\bnow\b/g,
    ) ?? [];
  // Codes go back in quotes, which keeps them as names to match (quotedTerms) rather than bare numbers.
  return normalizeForMatch([...chineseTermsFor(rest), ...amounts, ...han, ...spans, ...years, ...codes.map((c) => `“${c}”`), ...frameWords].join(' '));
}

/** Abbreviations typed in a hurry, spelled out so that the frame and the glossary read them ("last yr", "govt"). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\byrs\b/gi, 'years'],
  [/\byr\b/gi, 'year'],
  [/\bgovt\b/gi, 'government'],
  [/\bapprox\.?(?=\s)/gi, 'approximately'],
  [/\bpct\b/gi, 'percent'],
  [/\bno\.(?=\s*of\b)/gi, 'number'],
];
function spelledOut(question: string): string {
  return ABBREVIATIONS.reduce((text, [re, full]) => text.replace(re, full), question);
}

/** How much a content term counts: context terms (carried over, or from a self-description) count half. */
export function termFactor(analysis: QuestionAnalysis, term: string): number {
  return analysis.contextTerms.includes(term) || analysis.itemKinds.includes(term) ? 0.5 : 1;
}

/** "其中第二个", "the second one": an item of the list the assistant just gave. */
const ORDINAL = /(?:其中|里面|当中)?的?第([一二三四五六七八九十]|\d{1,2})(?:个|项|条|种|类)/;
const ORDINAL_EN = /\bthe (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?: one| item)?\b/;
const ORDINAL_NUMBERS = '一二三四五六七八九十';
const ENGLISH_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** The items of the longest enumeration ("A、B、C") in an answer. */
function enumerationIn(text: string): string[] {
  const runs = [...text.matchAll(/[^，。：:、,；;\s“”"（）()]+(?:、[^，。：:、,；;\s“”"（）()]+)+/g)].map((m) => m[0].split('、'));
  return runs.sort((a, b) => b.length - a.length)[0] ?? [];
}

/** Replaces an ordinal reference to the previous answer's list by the item it points at. */
function resolveOrdinal(question: string, history: ChatTurn[]): string {
  const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant');
  if (!lastAnswer) return question;
  const zh = ORDINAL.exec(question);
  const en = zh ? undefined : ORDINAL_EN.exec(question.toLowerCase());
  if (!zh && !en) return question;
  const n = zh ? (/\d/.test(zh[1]!) ? Number(zh[1]) : ORDINAL_NUMBERS.indexOf(zh[1]!) + 1) : ENGLISH_ORDINALS.indexOf(en![1]!) + 1;
  const item = enumerationIn(lastAnswer.content)[n - 1];
  if (!item) return question;
  return zh ? question.replace(zh[0], item) : `${item} ${question}`;
}

/**
 * "the West Taihu one", "西太湖那个": a word of the question that starts exactly one name in the last answer
 * ("西太湖生态科学城" among the four 城) points at that name.
 */
function itemStartingWith(term: string, question: string, history: ChatTurn[]): string | undefined {
  const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant');
  if (!lastAnswer || !/^\p{Script=Han}{2,}$/u.test(term)) return undefined;
  // Only a word said as one of the items ("the … one", "西太湖那个"), not a topic the answer's wording starts with.
  if (!new RegExp(`${term}(?:那|这)一?[个座块项条]`).test(question) && !/\bthe [a-z' -]{2,30} one\b/.test(question)) return undefined;
  const names = new Set(lastAnswer.content.split(/[^\p{Script=Han}]+|[、和及与]/u).filter((n) => n.startsWith(term) && n.length > term.length && n.length <= 10));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * "I'm a journalist covering tech firms: …", "我是做外贸的，…": a clause in which the asker describes
 * themselves asks nothing; the topic is what the rest of the question names.
 */
// The asker or their family: "我是做外贸的", "家里老人腿脚不方便", "my daughter will start school".
const SELF_DESCRIPTION = /^(?:i'm|i am|i|as an?|we|we're|we are|my|our|for (?:a|an|my|our))\b|^(?:我|作为|本人|俺|家里|家中|咱家|老家|家人|孩子|小孩|儿子|女儿|闺女|父母|爸妈|爷爷|奶奶|外公|外婆|老伴|老公|老婆|媳妇|丈夫|妻子)/;
// 几 asks, but not in 这几年, 好几圈, 前几天, 十几个, 几十亩 (dozens), nor in "我们几个年轻人想…" (a few of us). An English auxiliary asks
// only where it opens the clause ("Is it …", not "We are a European manufacturer").
const ASKS = /[?？]|吗|呢|多少|请|告诉|说说|介绍|列出|列举|(?<![好这那前近十们])几(?![十百千])(?!个?(?:年轻人|朋友|同事|老人|孩子|家人|人)(?:想|要|打算|准备|一起))|什么|哪|怎么|如何|是否|\b(?:how|what|which|who|when|where|why)\b|^(?:is|are|does|do|did|was|were|can|could|will|would|should|has|have)\b/;

/** A clause telling the asker's experience or who they are: "以前下班回来找不到车位", "这几年身边好多年轻人找到了工作", "开小厂的问一下", "在湖塘开了家小超市". */
const STORY_START = /^(?:以前|之前|从前|小时候|最近|近来|平时|平常|每天|天天|经常|常常|这几年|这些年|这两年|后来|身边|周围|(?:厂|店|单位|公司|车间|工地)里|(?:想|准备)(?!问|知道|了解|请教|咨询|查|确认)|在[^，,的]{1,8}(?:上班|工作|打工|上学|读书|住|生活|开了|开个|开店|做生意|买了)|[^的，,]{1,10}的(?:人|朋友)?(?:想(?!问|知道|了解|请教|咨询|查|确认)|(?=问一?下|问问|请问|打听)))/;
/**
 * "跑货运的天天绕路", "做外贸的最关心…": a verb and its object made a noun by 的 ("the one who runs freight"), followed
 * by no noun, is the asker's trade telling their story ("新增的就业岗位", "送外卖的电动车" name things instead).
 */
function tradeSpeaks(clause: string): boolean {
  const words = tagWords(clause);
  const de = words.findIndex((w) => w.word === '的');
  return de >= 2 && de <= 3 && /^v/.test(words[0]!.tag) && words[de + 1] !== undefined && !/^(?:n|eng)/.test(words[de + 1]!.tag);
}
/**
 * Hearsay, a document or the district as actor brings up the topic ("听说去年低保标准又提了", "区里对…"): not part of
 * the story. (小区里, 社区里 are the asker's own estate.)
 */
const TOPIC_CUE = /听说|据说|听人说|看到|看新闻|报告|规划|政府|文件|(?<![小社园景校])区里|全区|我区|咱区/;
const TIME_NAMED = /去年|今年|明年|前年|十三五|十四五|十五五|(?:19|20)\d\d/;

/**
 * "我在菜场听人说去年…", "做招商的朋友说去年…", "开厂的老板都在问": who speaks and where is the asker's story; what
 * they say is the topic. Splits a clause after its speaker's verb of saying or asking (a speaker ends in a person word).
 */
function speakerApart(clause: string): string[] {
  const m = SPEAKER_AT.exec(clause);
  return m && m.index === 0 ? [m[0], clause.slice(m[0].length)] : [clause];
}
const SPEAKER_AT = /^[^，,？?]{0,12}?(?:听[^，,说]{0,10}说|据说|(?<=[的人友板们家居事])(?:都|也|老|总|一直)?在?(?:说|问|讲|打听|议论)(?!问|一?下)(?:过|了)?)/;
/** A clause that is only the speaker and their verb ("开厂的老板都在问", "我听人说"). */
const SPEAKER = new RegExp(`${SPEAKER_AT.source}$`);
/** "这五年感觉找工作的机会多了不少": the asker's impression, not what is asked. */
const FEELING = /感觉|觉得|感到|总觉|好像|似乎/;

/** "开车路过都看到了": a clause of verbs that names no thing, place or time tells what the asker did, not a topic. */
function actsOnly(clause: string): boolean {
  const words = tagWords(clause).filter((w) => /\p{Script=Han}/u.test(w.word));
  return words.some((w) => /^v$/.test(w.tag)) && words.every((w) => !/^(?:n|vn|t|s|f|j|l|i|eng|nz|a|m)/.test(w.tag));
}

/** A clause that is a described thing ("武进籍离校未就业的高校毕业生": …的 + noun) names the topic; it does not continue the story. */
function endsInNoun(clause: string): boolean {
  const words = tagWords(clause).filter((w) => /[\p{Script=Han}a-z]/u.test(w.word));
  return clause.includes('的') && /^n/.test(words.at(-1)?.tag ?? '');
}

/**
 * The clauses describing the asker or telling their story ("我儿子明年毕业", "最近晚上出门感觉安心多了。") and the
 * others. A sentence before the question, or a remark after it, that asks nothing is story; within a sentence, a clause about the asker
 * and the clauses continuing it, until one asks, cites hearsay or names a period. None are story when all would be.
 */
interface StorySplit {
  self: string[];
  asking: string[];
}

/** (`remarks`: every clause that asks nothing counts with the story, "现在年轻人都往外跑，…多少？" too.) */
function splitSelfDescription(question: string, remarks = false): StorySplit {
  // (A question mark ends a sentence and stays with it: a remark after the question is story too.)
  const sentences = normalizeForMatch(question).split(/(?<=[?？])|[。!！;；]|\.(?!\d)/).map((x) => x.trim()).filter(Boolean);
  const self: string[] = [];
  const asking: string[] = [];
  // Hearsay in a sentence that asks nothing ("听说家门口好学校多了。") brings up the topic only for a question that names none
  // of its own ("听说去年低保标准又提了。提了多少？").
  let names: boolean | undefined;
  const askingNames = () => (names ??= contentTermsOf(toMatchText(sentences.filter((s) => ASKS.test(s)).join('，'), detectScript(question))).length > 0);
  sentences.forEach((sentence, i) => {
    const beforeOrAfterQuestion = i < sentences.length - 1 || sentences.slice(0, i).some((s) => ASKS.test(s));
    const storySentence = beforeOrAfterQuestion && !ASKS.test(sentence) && (!TOPIC_CUE.test(sentence) || askingNames());
    let continuing = false;
    for (const clause of sentence.split(/[,，:：—–]+|\s-\s/).flatMap(speakerApart).map((c) => c.trim()).filter(Boolean)) {
      const quiet = !ASKS.test(clause);
      const continues: boolean = continuing && !TOPIC_CUE.test(clause) && !TIME_NAMED.test(clause) && !endsInNoun(clause);
      const speaker = SPEAKER.test(clause);
      const story: boolean = storySentence || (quiet && (remarks || SELF_DESCRIPTION.test(clause) || STORY_START.test(clause) || tradeSpeaks(clause) || continues || actsOnly(clause) || FEELING.test(clause) || speaker));
      (story ? self : asking).push(clause);
      // What a speaker says ("听说" + "要搞土地二轮延包") is the topic, not more of the story.
      continuing = story && !speaker;
    }
  });
  return asking.length === 0 ? { self: [], asking: self } : { self, asking };
}

/**
 * A time the asker tells about themselves ("我儿子明年毕业，今年的目标是多少") is not the period asked: when the
 * asking clauses name a time, theirs is the frame's.
 */
function askedTime({ self, asking }: StorySplit, script: QuestionScript, frame: QueryFrame): QueryFrame {
  if (self.length === 0) return frame;
  const own = detectFrame(toMatchText(asking.join('，'), script));
  return own.timeInferred || own.timeScopes.length === 0 ? frame : { ...frame, timeScopes: own.timeScopes, years: own.years, timeInferred: own.timeInferred };
}

/**
 * Terms named only in self-describing clauses, which are context for the question rather than its topic (none when
 * the asking clauses name no topic of their own: "…想做适老化改造。一共要改多少户？" asks about the story's words).
 */
function selfDescriptionTerms(story: StorySplit, script: QuestionScript, contentTerms: string[]): string[] {
  return askingNamesTopic(story, script) ? storyOnlyTerms(story, script, contentTerms) : [];
}

function askingNamesTopic({ asking }: StorySplit, script: QuestionScript): boolean {
  return contentTermsOf(toMatchText(asking.join(' '), script)).length > 0;
}

/** Terms named only in the asker's story, not in the clauses that ask. */
function storyOnlyTerms({ self, asking }: StorySplit, script: QuestionScript, contentTerms: string[]): string[] {
  if (self.length === 0) return [];
  const asked = contentTermsOf(toMatchText(asking.join(' '), script));
  const described = contentTermsOf(toMatchText(self.join(' '), script));
  return contentTerms.filter((t) => described.includes(t) && !asked.some((a) => a.includes(t) || t.includes(a)));
}

export function analyzeQuestion(question: string, history: ChatTurn[] = []): QuestionAnalysis {
  const script = detectScript(question);
  const typed = script === 'en' ? spelledOut(question) : question;
  const normalized = normalizeForMatch(typed);
  let matchText = toMatchText(resolveOrdinal(typed, history), script);
  const story = splitSelfDescription(typed);
  let frame = askedTime(story, script, detectFrame(matchText));
  let contentTerms = contentTermsOf(matchText);
  const pointed = contentTerms.flatMap((term) => {
    const item = itemStartingWith(term, normalized, history);
    return item && !normalized.includes(item) ? [[term, item] as const] : [];
  });
  for (const [term, item] of pointed) matchText = matchText.replace(term, item);
  if (pointed.length > 0) contentTerms = contentTermsOf(matchText);
  let followUp = false;
  let contextTerms = selfDescriptionTerms(story, script, contentTerms);
  // English questions state their intent in English words, which matchText (Chinese terms) no longer has.
  let intent = intentOf(script === 'en' ? `${normalized} ${matchText}` : matchText);

  const itemKinds = intent === 'list' ? itemKindsOf(matchText, contentTerms, contextTerms) : [];

  // Whether the figures cover the zone: the zone is the topic, and a note ("注：…包含常州经开区") the answer.
  if (asksZoneScope(`${normalized} ${matchText}`)) {
    frame = { ...frame, region: undefined };
    contentTerms = [...contentTerms.filter((t) => !SCOPE_WORDS.test(t)), '经开区'];
    intent = 'definition';
  }

  const earlierUser = history.filter((t) => t.role === 'user').slice(-3).reverse();
  if (earlierUser.length > 0) {
    const topicless = contentTerms.every((t) => MEASURE_WORDS.has(t));
    const newTopic = NEW_TOPIC.test(normalized) && !topicless;
    const elliptic = !newTopic && (ELLIPTIC.test(normalized) || topicless || (normalized.length <= 8 && frameIsEmpty(frame)));
    if (elliptic) {
      // The latest earlier turn that names a topic gives it ("今年呢？" names none; the turn before does).
      let topicTurn = earlierUser.length;
      for (const [index, turn] of earlierUser.entries()) {
        const prevScript = detectScript(turn.content);
        const prevText = toMatchText(turn.content, prevScript);
        frame = inheritFrame(frame, detectFrame(prevText));
        if (intent === 'general') intent = intentOf(prevText);
        // Words this question repeats are not carried over twice; a measure-only follow-up takes the whole earlier topic.
        // …but not what the asker told about themselves there ("我在厂里做人事，…").
        const prevTerms = earlierTopic(turn.content, topicless ? [] : contentTerms);
        followUp = true;
        if (prevTerms.length === 0) continue;
        if (topicless) {
          // Only a measure was asked ("每年新增多少？"): the earlier topic is this question's topic.
          contentTerms = [...new Set([...contentTerms, ...prevTerms])];
        } else {
          // "滆湖呢？" names what changes; the rest of the earlier question still stands, as context.
          contextTerms = [...contextTerms, ...prevTerms];
          contentTerms = [...contentTerms, ...prevTerms];
        }
        matchText = `${matchText} ${prevTerms.join(' ')}`;
        topicTurn = index;
        break;
      }
      // A period or area no turn since has named still stands ("外资呢？" after "那进出口呢？" after "今年GDP增长目标…").
      for (const turn of earlierUser.slice(topicTurn + 1)) {
        const older = detectFrame(toMatchText(turn.content, detectScript(turn.content)));
        const time = frame.timeScopes.length > 0 ? frame : older;
        frame = { ...frame, timeScopes: time.timeScopes, years: time.years, timeInferred: time.timeInferred, region: frame.region ?? older.region };
      }
    }
  }

  const conversationTerms = followUp || earlierUser.length === 0 ? [] : earlierTopic(earlierUser[0]!.content, contentTerms);
  const expansions = synonymsIn(contentTerms.join(' ')).filter((s) => !contentTerms.includes(s));
  const asked = story.asking.join('，');
  const askingParts = script === 'en' ? [] : askingPartsOf(matchText);
  const unasked = storyOnlyTerms(splitSelfDescription(typed, true), script, contentTerms);
  return { question, normalized, script, matchText, contentTerms, contextTerms, itemKinds, expansions, frame, intent, followUp, asked, unasked, base: askedBase(script === 'en' ? matchText : normalized), askingParts, conversationTerms };
}

/** The topic words of an earlier question, without the asker's story and without words the new question says itself. */
function earlierTopic(turn: string, contentTerms: string[]): string[] {
  const script = detectScript(turn);
  const all = contentTermsOf(toMatchText(turn, script));
  const story = selfDescriptionTerms(splitSelfDescription(turn), script, all);
  return all.filter((t) => !story.includes(t) && !contentTerms.some((c) => c.includes(t) || t.includes(c)));
}

const ASKS_AMOUNT = /多少|(?<!哪)几(?![乎])/;

/** The topic words of each question sentence asking an amount, when two or more with topic words do. */
function askingPartsOf(matchText: string): string[][] {
  const parts = matchText
    .split(/[？?]/)
    .filter((part) => ASKS_AMOUNT.test(part))
    .map(contentTermsOf)
    .filter((terms) => terms.length > 0);
  return parts.length >= 2 ? parts : [];
}
