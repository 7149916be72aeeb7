import { createSegmenter } from '#segmenter';
import { ENGLISH_GLOSSARY, ENGLISH_UNREPORTED } from './english-glossary.js';
import { normalizeForMatch } from './normalize.js';
import type { Segmenter } from './segmenter.js';
import { SYNONYM_GROUPS } from './synonyms.js';

/**
 * Domain words jieba's general dictionary splits badly; keeping them whole makes BM25
 * reward exact indicator names ("一般公共预算收入") over their fragments.
 */
const DOMAIN_WORDS = [
  '地区生产总值', '一般公共预算收入', '规上工业总产值', '规上工业增加值', '规上服务业', '社会消费品零售总额',
  '居民人均可支配收入', '实际使用外资', '实际利用外资', '实际到账外资', '进出口总额', '高新技术企业', '高新技术产业',
  '专精特新', '小巨人', '独角兽', '常州经开区', '经开区', '武高新', '西太湖', '中以园', '十四五', '十五五', '十三五',
  '低保', '城镇就业', '常住人口', '林木覆盖率', '人均预期寿命', '护理型床位', '注册护士', '执业医师', '名词解释',
  '智电汽车', '具身智能', '集成电路', '新型储能', '生物制造', '新型碳材料', '城中村', '保障性租赁住房', '粮食播种面积',
  '耕地保有量', '高价值发明专利', '研发经费', '生产性服务业', '老年助餐', '托育', '换位跑一次', '食武驿', '爱心榕', '村均',
];

/** Words added to jieba's dictionary. Synonyms and glossary terms are words too: "高企" must reach the synonym table whole, not as 高 + 企. */
export function extraWords(): string[] {
  const words = new Set([...DOMAIN_WORDS, ...SYNONYM_GROUPS.flat(), ...Object.values(ENGLISH_GLOSSARY), ...Object.values(ENGLISH_UNREPORTED)]);
  return [...words].filter((w) => /^[\p{Script=Han}]{2,}$/u.test(w));
}

let jieba: Segmenter | undefined;
function segmenter(): Segmenter {
  return (jieba ??= createSegmenter(extraWords()));
}

/** Words with their part-of-speech tags (jieba's: "ns" place name, "r" pronoun, "n" noun …). */
export function tagWords(normalized: string): { word: string; tag: string }[] {
  return segmenter().tag(normalized, true);
}

/** Function words and question words that carry no topic. */
const STOPWORDS = new Set([
  '的', '了', '和', '与', '及', '是', '在', '有', '为', '对', '将', '把', '被', '等', '也', '都', '就', '而', '并', '或',
  '吗', '呢', '吧', '啊', '呀', '么', '什么', '多少', '几', '哪些', '哪个', '怎么', '怎样', '如何', '请问', '请', '一下',
  '我', '你', '您', '我们', '他们', '它', '它的', '这', '那', '这个', '那个', '其', '之', '以', '从', '到', '于', '上', '中',
  '要', '会', '能', '可以', '是否', '情况', '告诉', '介绍', '了解', '想', '问', '个', '年', '方面',
  'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'and', 'is', 'was', 'are', 'were', 'what', 'how', 'which', 'by', 'be',
  'does', 'do', 'did', 'its', 'it', 'that', 'this', 'with', 'as', 'at', 'much', 'many',
]);

const HAN_RUN = /\p{Script=Han}+/gu;
const WORDLIKE = /[\p{Script=Han}A-Za-z0-9.%]/u;

/** jieba search-mode words of already-normalised text, without punctuation and stop words. */
export function segmentWords(normalized: string, hmm = true): string[] {
  return segmenter()
    .cutForSearch(normalized, hmm)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && WORDLIKE.test(t) && !STOPWORDS.has(t));
}

/** Character bigrams of every Han run: robust where jieba segments a query and a passage differently. */
export function hanBigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Tokens for lexical retrieval: words plus bigrams (prefixed so the two vocabularies never collide). */
export function tokenize(text: string): string[] {
  const normalized = normalizeForMatch(text);
  return [...segmentWords(normalized).map((w) => `w:${w}`), ...hanBigrams(normalized).map((b) => `b:${b}`)];
}
