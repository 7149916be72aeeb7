import * as OpenCC from 'opencc-js';

/** Converters are built once: opencc-js compiles its dictionaries on construction. */
let toSimplified: ((s: string) => string) | undefined;
let toTraditional: ((s: string) => string) | undefined;

/**
 * Words that Taiwan and Hong Kong write differently from the mainland documents ("人工智慧" for "人工智能"),
 * after character conversion. OpenCC's phrase table ('twp') also rewrites mainland words ("新增" → "添加"), so
 * only these are mapped; none of them occurs in the documents, so passages pass through unchanged.
 */
const REGIONAL_WORDS: readonly [string, string][] = [
  ['人工智慧', '人工智能'], ['软体', '软件'], ['硬体', '硬件'], ['资讯', '信息'], ['网际网路', '互联网'], ['网路', '网络'],
  ['数位', '数字'], ['晶片', '芯片'], ['积体电路', '集成电路'], ['程式', '程序'], ['影片', '视频'],
  ['资料', '数据'], ['云端', '云'], ['伺服器', '服务器'], ['资安', '网络安全'], ['幼稚园', '幼儿园'], ['国小', '小学'],
  ['护理师', '护士'], ['电动车', '新能源汽车'], ['电动汽车', '新能源汽车'], ['脚踏车', '自行车'], ['捷运', '轨道交通'],
  ['大众运输', '公共交通'], ['高龄者', '老年人'], ['长照', '养老服务'],
  // Growth of a figure ("成長了多少"); the documents keep 成长 for a child's or a firm's growing up.
  ['成长了', '增长了'], ['成长率', '增长率'], ['成长多少', '增长多少'], ['成长幅度', '增长幅度'],
];
const REGIONAL = new RegExp(REGIONAL_WORDS.map(([w]) => w).join('|'), 'g');
const MAINLAND = new Map(REGIONAL_WORDS);

function charactersToSimplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

export function traditionalToSimplified(text: string): string {
  return charactersToSimplified(text).replace(REGIONAL, (w) => MAINLAND.get(w)!);
}

export function simplifiedToTraditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

export type QuestionScript = 'zh-Hans' | 'zh-Hant' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The script the user wrote in, so that the answer can follow it.
 * English: Latin words dominate and there are few Han characters (a question may quote a Chinese term).
 * Traditional: converting to simplified changes at least one character.
 */
export function detectScript(question: string): QuestionScript {
  const han = question.match(HAN)?.length ?? 0;
  const latinWords = question.match(LATIN_WORD)?.length ?? 0;
  if (latinWords >= 2 && han <= latinWords * 2) return 'en';
  if (han > 0 && charactersToSimplified(question) !== question) return 'zh-Hant';
  return 'zh-Hans';
}
