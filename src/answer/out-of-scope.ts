import type { QuestionAnalysis } from '../retrieve/analyze-question.js';
import type { TimeScope } from '../ingest/types.js';
import { normalizeForMatch } from '../text/normalize.js';
import { countriesNamedIn } from '../text/countries.js';
import { chineseTermsFor, wordsOutsideGlossary } from '../text/english-glossary.js';
import { boundedMemo } from '../text/bounded-memo.js';
import { tagWords } from '../text/tokenize.js';

export type RefusalReason = 'instruction' | 'chitchat' | 'service' | 'opinion' | 'other-year' | 'other-place' | 'not-in-documents';

/** Requests aimed at the assistant itself rather than at the documents. */
// "Write a poem" is asked of the assistant; "I write a paper about …" describes the asker, so only the imperative counts.
const INSTRUCTION =
  /忽略(之前|以上|前面|上述|所有)|无视.{0,6}(指令|规则|设定)|系统提示|提示词|system prompt|ignore (all |the )?(previous|above|prior)|you are now|pretend|扮演|角色扮演|越狱|jailbreak|写一(首|篇|段)|翻译(一下)?这|帮我写|编(一个|个)故事|讲个?笑话|tell me a joke|^(?:please |can you |could you )?write (?:a|me) |your (instructions|rules|prompt)/;

/** Small talk: greetings, thanks, the assistant's identity, weather and the like. */
const CHITCHAT =
  /^(你好|您好|嗨|哈喽|hello|hi|hey|早上好|晚上好|谢谢|多谢|thanks|thank you|再见|bye)[!！。.?？\s]*$|你是谁|你叫什么|你几岁|who are you|天气|weather|吃了吗|心情|无聊|讲个|笑话|joke/;

/** Citizens' service requests: the documents are plans and reports, not a service guide. */
const SERVICE =
  /(怎么|如何|在哪|哪里|去哪)(办理|申请|预约|缴纳|缴费|补办|领取|提取|报名|投诉|查询)|(?:在哪|哪里|去哪|哪儿)(?:里|儿)?(?:办|交|领)(?![^？?，,。]*(?:项目|产业|企业))|(办理|申请|补办|续签|挂号|预约|注册).{0,12}(流程|手续|材料|条件|地址|电话|时间|窗口|费用|收费|要交多少钱)|(电话|热线|地址|营业时间|办公时间)(是|多少)|how (do|can) i (apply|register|renew|get|pay|book)|what (documents|papers|materials|paperwork) (do|would|will|should) i need|where (do|can|should) i (submit|apply|register|sign up|hand in)|how to (apply|register|sign up)|phone number|opening hours|office address|(?:registration|application|filing|licen[cs]e) fees?|(?:which|what) (?:office|department|agency|bureau|window) (?:should|do|can|would) i (?:contact|call|go to|visit)|who (?:should|do|can) i (?:contact|call)|contact details/;

/** The assistant's own view or forecast asked ("你觉得…", "do you think…"): the documents state plans, not opinions. */
const OPINION =
  /你(?:觉得|认为|怎么看|看好|预测|估计|建议)|您(?:觉得|认为|怎么看|建议)|\b(?:do you think|do you believe|in your (?:opinion|view)|your (?:opinion|view|prediction|forecast)|would you (?:say|recommend|advise))\b/;

/** Places the documents speak for, and words that only point at them ("咱们区", "全区"). */
const OWN_PLACES = /^(武进|武进区|常州|常州市|江苏|江苏省|全省|全市|全区|经开区|常州经开区|开发区|本区|我区|各区|城区|主城区|园区|武进国家高新区)$/;
const NEIGHBOUR_DISTRICTS = /(?<!高)新北区|天宁区|钟楼区|金坛区|溧阳市?/;
const CITY_WIDE = /常州市?(?:全市|市区|全域|整体)|常州市(?!武进|经开区|经济开发区)|^全市|changzhou city|whole (?:of )?changzhou/;
const DISTRICT_NAMED = /武进|经开区|开发区|武高新|西太湖|wujin|development zone/;
const ADMIN_SUFFIX = /^(省|市|县|区|镇|乡|街道)$/;
/** A lone unit after a name; a town's perhaps glued to the next word by jieba ("雪堰 镇有 多少", but "十五五末 区里" is no place). */
const UNIT_GLUED = /^(?:(省|市|县|区)|(镇|乡|街道)(?:有|的|是|在|里|上|内|和|与|及)?)$/;
const ENDS_LIKE_PLACE = /[\p{Script=Han}]{2,}(省|市|县|区|镇|乡|街道)$/u;
const ENGLISH_PLACES =
  /\b(suzhou|wuxi|nanjing|shanghai|beijing|hangzhou|shenzhen|guangzhou|jiangyin|liyang|jintan|xinbei|tianning|zhonglou|kunshan|ningbo|hefei|wuhan|chengdu|tianjin|chongqing|xi'?an|new york|london|tokyo)\b/;

/** "住六楼", "3号楼": a floor or a block of the asker's building, which the segmenter may tag a place. */
const FLOOR_OR_BLOCK = /^[\d一二三四五六七八九十两]+[楼层栋幢号]$/;

/**
 * Everyday words jieba's dictionary tags as places (after a town or county of that name): "治安", "深度", "美丽".
 * Collected from the words of the two documents it tags ns, plus the common ones a question may use.
 */
const NOT_PLACES = new Set([
  '治安', '深度', '新建', '宜居', '惠及', '美丽', '美化', '法治化', '普通高中', '关联', '大班', '开园', '普及', '上门', '加密',
  '维度', '多维度', '广度', '扎根', '登山', '入市', '入城', '治本', '新旧', '南北', '山水', '城中村', '偏远地区', '深基坑',
  '文明城市', '桥头堡', '外联', '河湖', '两湖', '两河', '河口', '湖湾', '新城', '中台', '长寿', '湖水', '河水', '江水', '新区',
]);

/** Nouns that end like a place name but are not one ("地区生产总值", "上市", "城镇就业"). */
const GENERIC_PLACE_WORDS = /(地区|社区|园区|城区|小区|片区|景区|山区|辖区|街区|矿区|湖区|校区|营区|城市|都市|超市|上市|门市|夜市|集市|城镇|乡镇|集镇|村镇|先行区|示范区|集聚区|核心区|度假区|旅游区|保护区|试点区|高新区)$/;

/**
 * Place names in a question, found by jieba's part-of-speech tags: words tagged as places, words that end
 * in an administrative unit ("吴中区", "奔牛镇"), and a name followed by a lone unit ("金坛 区"); a pronoun
 * before the unit ("咱们区") points at the district itself.
 */
function placesIn(question: string): string[] {
  // "咱们区", "我们区": the district itself, whatever jieba glues them to ("这五年咱们区").
  const q = question.replace(/(?:咱们|我们|俺们|咱|我|本|全)区/g, '，');
  const words = tagWords(q);
  const out: string[] = [];
  words.forEach(({ word, tag }, i) => {
    const next = words[i + 1]?.word ?? '';
    // After a numeral ("七条河港") a word tagged a place is a common noun: names are not counted.
    if (tag === 'ns' && /^[\p{Script=Han}]{2,}$/u.test(word) && words[i - 1]?.tag !== 'm') out.push(ADMIN_SUFFIX.test(next) ? word + next : word);
    else if (ENDS_LIKE_PLACE.test(word)) out.push(word);
    else if (/^(n|x$)/.test(tag) && /^[\p{Script=Han}]{2,}$/u.test(word) && UNIT_GLUED.test(next) && !GENERIC_PLACE_WORDS.test(word)) out.push(word + next.replace(UNIT_GLUED, '$1$2'));
  });
  return out.filter((p) => !GENERIC_PLACE_WORDS.test(p) && !NOT_PLACES.has(p) && !FLOOR_OR_BLOCK.test(p));
}

/** Years the documents give figures for; others (2019, 2024, 2035 …) are answered only if a passage names them. */
export const COVERED_YEARS = new Set([2025, 2026, 2030]);

export interface ScopeCheck {
  reason: RefusalReason;
  detail?: string;
}

/** The corpus's words (one corpus per engine: a cache of one). */
const corpusWords = boundedMemo((corpusText) => new Set(tagWords(corpusText).map((t) => t.word)), 1);

/**
 * Whether the documents name a place: as one of their words, or its name without the unit ("湖塘" of "湖塘镇").
 * A plain substring test is not enough: "新北区" stands inside "高新北区".
 */
function namedInCorpus(place: string, corpusText: string): boolean {
  const words = corpusWords(corpusText);
  const name = place.replace(/(省|市|县|区|镇|乡|街道)$/, '');
  return words.has(place) || (name.length >= 2 && words.has(name));
}

/** Refusals decided from the question alone (before looking at passages). */
export function refuseBeforeRetrieval(analysis: QuestionAnalysis, corpusText: string): ScopeCheck | undefined {
  const q = analysis.normalized;
  if (INSTRUCTION.test(q)) return { reason: 'instruction' };
  if (CHITCHAT.test(q)) return { reason: 'chitchat' };
  // (A process the documents name, "“一件事”联合办理…怎么个流程", "水电气网联合报装一件事 怎么办理", is theirs to describe;
  // where to go, whom to call and who is eligible are not.)
  const service = SERVICE.exec(q);
  if (service && (PERSONAL_SERVICE.test(q) || !(quotesDocumentName(q, corpusText) || namesDocumentProcess(q.slice(0, service.index), corpusText)))) return { reason: 'service' };
  if (OPINION.test(q)) return { reason: 'opinion' };
  // Places are read where the question asks, not where the asker tells about themselves ("我老家在河南，…").
  const where = normalizeForMatch(analysis.asked);
  // A place the documents never name is another place (the documents name the towns and parks of Wujin they speak of).
  const other = placesIn(where).find((p) => !OWN_PLACES.test(p) && !namedInCorpus(p, corpusText));
  if (other) return { reason: 'other-place', detail: other };
  // Changzhou's other districts: the documents mention some only inside other names ("高新北区" holds "新北区").
  const neighbour = where.match(NEIGHBOUR_DISTRICTS);
  if (neighbour) return { reason: 'other-place', detail: neighbour[0] };
  // "常州全市", "常州市的GDP": the city as a whole, which the district's documents do not report on.
  if (CITY_WIDE.test(where) && !DISTRICT_NAMED.test(where)) return { reason: 'other-place', detail: '常州市' };
  const english = where.match(ENGLISH_PLACES);
  if (english) return { reason: 'other-place', detail: english[1] };
  // A country named in English outside the documents' own names ("the China-Israel park"), that they never mention.
  // (A country's name stands inside the documents' names for parks: "中西合作西班牙产业园" is one word.)
  const country = analysis.script === 'en' ? countriesNamedIn(wordsOutsideGlossary(where)).find((c) => !corpusText.includes(c.chinese)) : undefined;
  if (country) return { reason: 'other-place', detail: country.chinese };
  if (analysis.contentTerms.length === 0) return { reason: 'not-in-documents' };
  return undefined;
}

const PERSONAL_SERVICE = /在哪|哪里|去哪|哪儿|电话|热线|地址|条件|材料|费用|收费|\b(?:where|phone|address|eligib)/;

/**
 * Whether the words just before "怎么办理" are, quotes aside, a name the documents write ("水电气网联合报装“一件事”"):
 * at least six characters, so that a common word ("社保卡", "营业执照") is not taken for one of their names.
 */
function namesDocumentProcess(before: string, corpusText: string): boolean {
  const name = /[\p{Script=Han}a-z0-9]{6,}$/u.exec(before.trimEnd().replace(/[“”"]/g, ''))?.[0];
  return name !== undefined && unquoted(corpusText).includes(name);
}
const unquoted = boundedMemo((text: string) => text.replace(/[“”"]/g, ''), 2);

/** Whether the question puts in quotes a name the documents use ("“一件事”"). */
function quotesDocumentName(question: string, corpusText: string): boolean {
  return [...question.matchAll(/[“"「]([^”"」]{2,20})[”"」]/g)].some((m) => corpusText.includes(m[1]!));
}

/**
 * A place the documents name, but not as the district itself ("上海", a town), that the answering passage does
 * not mention: the passage then speaks of the district, not of the place asked about.
 */
export function placeMissing(analysis: QuestionAnalysis, passageText: string, corpusText: string): string | undefined {
  const q = normalizeForMatch(analysis.asked);
  // Only a place the documents mention in passing (a few times: "上海"); a word they use throughout is not one
  // that has to be named again (jieba tags "新建" a place, after a county of that name).
  const rare = (p: string) => corpusText.split(p).length - 1 <= RARE_MENTIONS;
  const said = (p: string) => passageText.includes(p) || passageText.includes(p.replace(/(省|市|县|区|镇|乡|街道)$/, ''));
  const place = placesIn(q).find((p) => !OWN_PLACES.test(p) && !said(p) && rare(p));
  if (place) return place;
  // A town the documents list by name is one place however often they name it (an English question names it through the glossary).
  const words = analysis.script === 'en' ? chineseTermsFor(q).join(' ') : q;
  const town = townsListedIn(corpusText).find((t) => words.includes(t) && !said(t));
  if (town) return town;
  // So is a park or zone inside the district ("西太湖科技产业园"): the district's figures are not the park's. (The
  // passage may name it short, by its first two characters: "中以园" for 中以常州创新园.)
  return analysis.contentTerms.find((t) => (AREA_INSIDE.test(t) || ZONE_SHORT.test(t)) && !OWN_PLACES.test(t) && words.includes(t) && !analysis.contextTerms.includes(t) && !said(t) && !passageText.includes(t.slice(0, 2)));
}

/** A named park, zone or quarter ("西太湖科技产业园", "滆湖科学城"), as a question term. */
const AREA_INSIDE = /^\p{Script=Han}{2,}(?:产业园区?|科技园|创新园|园区|科学城|高新区|片区)$/u;
/** The district's zones by their short names, as people say them ("武高新和西太湖分别…"). */
const ZONE_SHORT = /^(?:武高新|西太湖|太湖湾)$/;

/** The towns and subdistricts the documents list by name ("湖塘镇、牛塘镇、…"), without the unit. */
const townsListedIn = boundedMemo(
  (corpusText) => [...new Set([...corpusText.matchAll(/(?<=[、，,：:；;（(])([\p{Script=Han}]{2,3})(?:镇|街道)(?=[、，,；;）)。])/gu)].map((m) => m[1]!))],
  1,
);

const RARE_MENTIONS = 5;

/**
 * A year asked that the answering sentence does not speak for: a year the documents do not cover (unless the
 * sentence names it), or any year when the sentence names only other years ("理想汽车2022-2024年产值…" for 2025).
 */
export function uncoveredYear(analysis: QuestionAnalysis, sentence: string): number | undefined {
  const { years } = analysis.frame;
  const uncovered = years.find((y) => !COVERED_YEARS.has(y) && !sentence.includes(String(y)));
  if (uncovered !== undefined) return uncovered;
  // One asked year stated is enough: the others may be a comparison's base ("by 2030 … compared with 2025").
  // So is a year inside another period the question asks ("2025年完成多少？到十五五末目标多少？" and a sentence of 2030).
  // A period asked in words ("去年", "十四五期间") is not answered by a sentence stating only other years ("2022-2024年").
  const spans = statedYears(sentence);
  const periods = analysis.frame.timeInferred ? [] : analysis.frame.timeScopes.map((s) => PERIOD_YEARS[s]);
  const asked: [number, number][] = [...years.map((y): [number, number] => [y, y]), ...periods];
  const overlaps = ([from, to]: [number, number]) => asked.some(([a, b]) => from <= b && a <= to);
  return spans.length > 0 && asked.length > 0 && !spans.some(overlaps) ? (years[0] ?? asked[0]![1]) : undefined;
}

/** The years each period of the documents covers. */
const PERIOD_YEARS: Record<TimeScope, [number, number]> = { y2025: [2025, 2025], fyp14: [2021, 2025], y2026: [2026, 2026], fyp15: [2026, 2030] };

/**
 * A part of a year asked ("2025年第三季度", "上半年", "12月份", "Q3", "in the first half"): the documents report whole
 * years, so a sentence that names no quarter, half or month gives the year's figure, not the one asked.
 */
export function partOfYearUnstated(question: string, sentence: string): boolean {
  return PART_OF_YEAR.test(question) && !/季度|半年|\d月|[一二三四五六七八九十]月/.test(sentence);
}
const PART_OF_YEAR =
  /(?:第?[一二三四1-4]|前三|前两)季度|[上下]半年|(?<![\d.])(?:1[0-2]|[1-9])月(?:份|底|末)?|(?<![一二三四五六七八九十])(?:十[一二]?|[一二三四五六七八九])月份|\bq[1-4]\b|\bquarters?\b|\b(?:first|second) half\b|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b/;

/** The years a sentence states facts for, as spans ("2022-2024年" is one); base years of a comparison ("较2020年") are not among them. */
function statedYears(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of sentence.matchAll(/(较|比|相比|同比|与|从|自)?((?:19|20)\d\d)(?:年?\s*[-–—~至到]\s*((?:19|20)\d\d))?年/g)) {
    if (m[1]) continue;
    out.push([Number(m[2]), Number(m[3] ?? m[2])]);
  }
  return out;
}
