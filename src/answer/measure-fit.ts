import { ENGLISH_PRICE } from '../text/english-amounts.js';
import { chineseTermsFor } from '../text/english-glossary.js';
import { tagWords } from '../text/tokenize.js';

/**
 * What kind of quantity a question asks for ("多少所", "多少亿元", "百分之几", "how many") and whether a
 * figure is of that kind: "多少亿元" is not answered by a growth rate, nor "多少张床位" by "19家".
 */
export type MeasureKind = 'count' | 'money' | 'percent' | 'area' | 'age' | 'weight' | 'concentration' | 'length' | 'volume';

export interface AskedMeasure {
  kind: MeasureKind;
  /** The classifier asked with a count ("所" of "多少所小学"); undefined when any count will do. */
  unit?: string;
}

const COUNT_UNITS = '个|家|所|项|名|人次|人|张|台|辆|座|条|套|户|件|处|批|场|支|只|株|位|床|席|次';
const PEOPLE = new Set(['人', '名', '人次', '位']);
/** Classifiers that stand for any countable thing: "多少个" is answered by "74所" as well. */
const GENERIC_COUNT = new Set(['个', '项', '件', '处', '批']);

const MONEY =
  /(?:多少|几)(?:[万亿千百]*(?:元|美元)|[千百万]*亿(?![人次]))|多少钱|(?:价格|房价|租金|工资|收费|学费)(?:是|为|有|大概|大约|一般)*多少|how many (?:yuan|dollars)|how much\b.{0,60}?\b(?:money|funding|investment|capital|fdi|invest(?:ing|ed|s)?|spen[dt]s?|spending|costs?|costing|fund(?:s|ed|ing)?|pa(?:y|ys|id|ying))\b/;

const ASKED: [MeasureKind, RegExp][] = [
  // (An English price, rent, fee or wage is money too: ENGLISH_PRICE, which the question analysis also reads.)
  ['money', new RegExp(`${MONEY.source}|${ENGLISH_PRICE.source}`)],
  ['percent', /(?:几|多少)个?(?:百分)?点|百分之(?:多少|几)|百分比|几成|(?:占比|比重|比例|比率|增速|增幅|增长率)(?:是|为|有|达到?)?多少|多少%|what percentage|what share|what proportion|\brates?\b/],
  ['area', /(?:多少|几)(?:万)?(?:亩|平方米|平方公里|公顷)|how many (?:mu|square)/],
  ['age', /多少岁|几岁/],
  ['weight', /(?:多少|几)(?:万)?吨/],
  ['length', /(?:多少|几)(?:万)?(?:公里|千米|米)|how many (?:kilometres|kilometers|km)/],
  ['concentration', /(?:多少|几)(?:毫克|微克)|浓度(?:是|为|有)?多少/],
  ['volume', /(?:多少|几)(?:万)?(?:立方米|立方|方(?![面向式案法针位]))|how many cubic/],
];
const ASKED_COUNTS = new RegExp(`(?:多少|(?<!哪)几)(?:万)?(${COUNT_UNITS})`, 'g');
/** Nouns for people right after "how many" (a word or two of description may come first). */
const ENGLISH_PEOPLE = /^(?:[a-z-]+ ){0,2}?(?:people|persons|residents|inhabitants|visitors|tourists|workers|employees|students|pupils|children|kids|patients|seniors|elders|graduates|volunteers|talents|migrants|farmers|villagers|citizens)\b/;
const ENGLISH_COUNT = /how many (?!yuan|dollars|us dollars|rmb|billion|million|thousand|hundred|mu\b|square|percent|kilomet|km\b|tons?\b|tonnes?\b|hectares?\b|years?\b)/g;

/** The quantities a (normalised) question asks for, one per part ("多少个…，比重是多少"); empty when it names none. */
export function askedMeasures(question: string): AskedMeasure[] {
  const out: AskedMeasure[] = [];
  for (const [kind, re] of ASKED) if (re.test(question)) out.push({ kind });
  // "几个点" asks for percentage points, not a count.
  const counts = question.replace(/(?:几|多少)个?(?:百分)?点/g, ' ');
  for (const m of counts.matchAll(ASKED_COUNTS)) out.push({ kind: 'count', unit: m[1] });
  // Each English "how many" asks for a count, beside any other quantity ("how much capital …, and how many projects");
  // a count of people ("how many people", "how many elderly residents") is answered by 人, 名 or 人次, not by 家.
  for (const m of question.matchAll(ENGLISH_COUNT)) out.push(ENGLISH_PEOPLE.test(question.slice(m.index + m[0].length)) ? { kind: 'count', unit: '人' } : { kind: 'count' });
  // A part that names no quantity ("惠及了多少孩子") may be answered by any figure.
  const parts = question.match(/多少|(?<!哪)几(?![乎])|how many|how much/g)?.length ?? 0;
  return parts > out.length ? [] : out;
}

/**
 * An amount asked per person or per month ("每人每个月能领多少", "how much per person"): a sentence that states no
 * such rate ("补贴经费超9100万元" is the whole sum) does not answer it. Returns the rate asked that the sentence lacks.
 */
export function rateUnsaid(asking: string, sentence: string): 'per-month' | 'per-person' | 'per-occasion' | undefined {
  if (PER_MONTH_ASKED.test(asking) && !PER_MONTH_SAID.test(sentence)) return 'per-month';
  if (PER_PERSON_ASKED.test(asking) && !PER_PERSON_SAID.test(sentence)) return 'per-person';
  // "每顿饭补贴多少", "每次能报销多少": the sentence must give the amount per meal or per time too (the documents give none).
  const occasion = PER_OCCASION_ASKED.exec(asking);
  const per = occasion?.[1] ?? occasion?.[2];
  if (per && !new RegExp(`(?:每|/)${per}`).test(sentence)) return 'per-occasion';
  return undefined;
}
const PER_MONTH_ASKED = /每个?月|一个月|月均|按月|\b(?:per|a|each) month\b|\bmonthly\b/;
const PER_MONTH_SAID = /月/;
const PER_PERSON_ASKED = /每人|每个人|一个人|每位|\bper (?:person|head|capita)\b|\beach person\b/;
// (In the clause that asks: "每天都堵，今年新建多少停车位" asks no amount per day.)
const PER_OCCASION_ASKED = /每一?(顿|餐|次|天|日)[^，,。；;！!？?]*?(?:多少|几)|(?:多少|几)[^，,。；;！!？?]*?每一?(顿|餐|次|天|日)/;
const PER_PERSON_SAID = /人均|每人|\/人|每位|每(?:[千万百十]|\d)+人/;

const FIGURE_COUNT = new RegExp(`(?:[万亿千])?(${COUNT_UNITS})(?:[（(][^）)]*[)）])?(?:以上|以下|以内|左右|多|余)?$`);

/** "排第几", "排名多少", "what rank": the answer is a place in a ranking. */
const RANK_ASKED = /第几(?:名|位)?|排名(?:多少|如何|怎么样|怎样)|排(?:在)?(?:多少|哪)|\bwhat (?:rank|ranking|place|position)\b|\bwhere (?:does|do|did|is|was) .{1,60}\brank/;
/** A place in a ranking as the documents state one: "第三", "第1", "首位", "前列", "榜首", "前50", "四项第一". */
const RANK_STATED = /第[一二三四五六七八九十百\d]+(?![一二三四五六七八九十百\d]|个|届|次|批|期|条|章|节|篇|款)|首位|榜首|前列|前[一二三四五六七八九十百\d]+|居首/;

/** Whether a (normalised) question asks for a place in a ranking. */
export function asksRank(question: string): boolean {
  return RANK_ASKED.test(question);
}

/** Where a ranking is taken: the country, the province or the city ("在常州各区里排第几" is not "全省前三"). */
const RANK_SCOPES: RegExp[] = [/全国|\b(?:national(?:ly)?|china|country)\b/, /全省|江苏|省内|省里|\b(?:jiangsu|province|provincial)\b/, /全市|常州(?!经开区|经济开发区)|市里|市内|\bchangzhou\b(?! (?:economic|development|etdz))/];

/** Whether the ranking a clause states is taken where the question asks, when both say where. */
export function rankScopeFits(question: string, clause: string): boolean {
  const asked = RANK_SCOPES.filter((re) => re.test(question));
  const stated = RANK_SCOPES.filter((re) => re.test(clause));
  return asked.length === 0 || stated.length === 0 || stated.some((re) => asked.includes(re));
}

/** Whether a (normalised) sentence states a place in a ranking. */
export function statesRank(sentence: string): boolean {
  return RANK_STATED.test(sentence);
}

/** The kind of a figure from its unit; undefined for a bare number (an indicator cell), which fits anything. */
export function figureMeasure(value: string): AskedMeasure | undefined {
  if (/%|‰|百分点/.test(value)) return { kind: 'percent' };
  if (/元(?:\/[月年])?(?:以上|以下|左右|多|余)?$/.test(value)) return { kind: 'money' };
  // Hundreds of millions without a unit are money in these documents ("超千亿企业", "规模均突破200亿").
  if (/亿(?:以上|左右|多|余)?$/.test(value)) return { kind: 'money' };
  if (/亩|平方米|平方公里/.test(value)) return { kind: 'area' };
  if (/岁/.test(value)) return { kind: 'age' };
  if (/吨/.test(value)) return { kind: 'weight' };
  if (/毫克|微克/.test(value)) return { kind: 'concentration' };
  if (/立方米|方$/.test(value)) return { kind: 'volume' };
  if (/公里|千米|米$/.test(value)) return { kind: 'length' };
  const count = FIGURE_COUNT.exec(value);
  if (count) return { kind: 'count', unit: count[1] };
  return undefined;
}

/** An indicator cell is a bare number ("75"); its unit stands in the row's name ("（%）") and says what it measures. */
export function withRowUnit(value: string, unit: string | undefined): string {
  // The unit goes right after the number, before a qualifier ("70以上" in a （%） row is "70%以上").
  const cell = /^([\d.]+)((?:以上|以下|左右|[（(]累计[）)])*)$/.exec(value);
  return unit && cell ? `${cell[1]}${unit}${cell[2]}` : value;
}

/** Whether a figure can answer one of the quantities asked (any figure, when none is named). */
export function fitsAny(asked: AskedMeasure[], value: string): boolean {
  return asked.length === 0 || asked.some((m) => measureFits(m, value));
}

/** Whether a figure can answer the quantity asked. */
export function measureFits(asked: AskedMeasure, value: string): boolean {
  // A table cell in words ("与经济增长同步") is no amount of anything.
  if (!/[\d百千万亿]/.test(value)) return false;
  const got = figureMeasure(value);
  if (!got) return true;
  if (got.kind !== asked.kind) return false;
  if (asked.kind !== 'count' || !asked.unit || !got.unit) return true;
  if (asked.unit === got.unit || GENERIC_COUNT.has(asked.unit) || GENERIC_COUNT.has(got.unit)) return true;
  return PEOPLE.has(asked.unit) && PEOPLE.has(got.unit);
}

/**
 * The thing counted in "多少所小学", "几家医院": the words right after the classifier. A figure answers
 * such a question only if that thing is what it counts, not a word inside a longer name
 * ("全国中小学科学教育实验校1所" counts 实验校, not 小学).
 */
export function countedNoun(question: string): string | undefined {
  const m = COUNTED.exec(question);
  if (m) {
    // "几个百亿级的项目" counts projects: a grade or kind before 的 only describes the thing after it, if any.
    // "几家上市挂牌的？": a description made a noun by 的, with no thing after it, counts whatever the label names.
    const described = /^的(?:呢|吗|了|？|\?|。|$)/.test(question.slice(m.index + m[0].length - 1));
    if (described) return undefined;
    if (!ATTRIBUTIVE.test(m[1]!)) return m[1];
    return /^的([\p{Script=Han}]{2,8}?)(?:呢|吗|了|？|\?|，|,|。|$)/u.exec(question.slice(m.index + m[0].length - 1))?.[1];
  }
  const english = ENGLISH_COUNTED.exec(question);
  if (!english) return undefined;
  // The head of an English noun phrase is its last word: "unicorn and potential unicorn companies" counts companies.
  // …before any post-modifier: "meal service points for the elderly" counts points.
  const words = english[1]!.split(/ (?:for|of|in|at|on|with|under|from|across|by|per|each|every) /)[0]!.split(' ');
  for (let i = 0; i < words.length; i++) {
    const terms = chineseTermsFor(words.slice(i).join(' '));
    if (terms.length !== 1) continue;
    // The term must name the head: "ai innovation entities" knows only "ai", which is not what is counted.
    const headless = chineseTermsFor(words.slice(i, -1).join(' '));
    // "How many companies were recognised as 'little giant' firms": companies is how English counts 家, not a thing to find in the label.
    // A grade ("national-level …") describes what follows it, which the phrase read here no longer holds.
    return headless.includes(terms[0]!) || GENERIC_ENGLISH_COUNTED.has(terms[0]!) || ATTRIBUTIVE.test(terms[0]!) ? undefined : terms[0];
  }
  return undefined;
}
const COUNTED = new RegExp(`(?:多少|(?<!哪)几)(?:万)?(?:${COUNT_UNITS})([\\p{Script=Han}]{2,8}?)(?:的|呢|吗|了|？|\\?|，|,|。|$)`, 'u');
const ATTRIBUTIVE = /[级类型式性档]$/;
const GENERIC_ENGLISH_COUNTED = new Set(['企业', '公司']);
const AUXILIARIES = 'are|is|were|was|will|would|shall|should|can|could|may|might|must|need|did|does|do|has|have|had';
// The thing ends before a verb: an auxiliary or modal, a preposition, a past tense ("how many children benefited") or
// a common present-tense verb ("how many teachers work in …"). "How many does Wujin have" (of a thing named
// before) names none.
const ENGLISH_COUNTED = new RegExp(
  `how many (?!(?:${AUXILIARIES})\\b)([a-z][a-z\\- ]*?) (?:${AUXILIARIES}|in|by|there|work|live|study|operate|exist|serve|receive|get|come|attend|use|[a-z]+ed)\\b`,
);

/** Whether a text holds a word, perhaps with a character inside it (the documents' "物联改造" for "物联网改造"). */
function looselyIn(word: string, text: string): boolean {
  const w = [...word];
  const t = [...text];
  // Character k of the word stands right after character k-1, or one character later.
  const from = (k: number, at: number): boolean => k === w.length || [at, at + 1].some((p) => t[p] === w[k] && from(k + 1, p + 1));
  return t.some((c, i) => c === w[0] && from(1, i + 1));
}

/** Verbs of building: a building project counts what it builds. */
const BUILDING = /新建|改扩建|扩建|改建|建成|建设|新改扩建/;

/** Words for a work done on a thing ("…水质提升工程"): with the work named, they count the thing it is done on. */
const WORK_NOUNS = /^(工程|项目|行动)$/;

/** Words between a thing counted and its figure that do not change what is counted ("企业数量达2000家"). */
const LINKING_NOUNS = /^(数量|数|总数|总量|规模|人数|个数|家数)$/;

/**
 * Whether a figure counts `noun` (one of its forms): the noun follows the figure ("46个微电网项目",
 * "100个住宅小区"), or the label ends with it, perhaps with a verb after it ("老旧电梯更新490台"), but
 * no other noun ("改扩建医院项目10个", "中小学科学教育实验校1所" count other things).
 */
export function countsNoun(forms: string[], label: string, after: string, question = ''): boolean {
  const following = after.replace(/^的/, '').split(/[，,、；;。：:（(]/)[0]!.slice(0, 8);
  if (forms.some((f) => following.includes(f))) return true;
  return forms.some((f) => {
    const p = label.lastIndexOf(f);
    if (p < 0) return false;
    const rest = label.slice(p + f.length).replace(/[\s，,、；;：:]+$/, '');
    // A noun the question itself puts after the thing ("老旧电梯的物联网改造" for "老旧电梯物联改造") still counts it.
    // "新改扩建学校项目74个" answers "新建改扩建了多少所学校" when the question asks about the building itself.
    const building = BUILDING.test(question) && BUILDING.test(label);
    const words = tagWords(rest);
    // "支流支浜水质提升工程14条" answers "多少条支流支浜的水质提升": the work the question names is the 工程 done on the thing.
    const namesWork = words.some((w) => /\p{Script=Han}{2}/u.test(w.word) && !WORK_NOUNS.test(w.word) && looselyIn(w.word, question));
    return words.every((w) => !/^n(?!v)/.test(w.tag) || LINKING_NOUNS.test(w.word) || (building && w.word === '项目') || (namesWork && WORK_NOUNS.test(w.word)) || looselyIn(w.word, question));
  });
}
