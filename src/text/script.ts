import * as OpenCC from 'opencc-js';

/** Converters are built once: opencc-js compiles its dictionaries on construction. */
let toSimplified: ((s: string) => string) | undefined;
let toTraditional: ((s: string) => string) | undefined;

export function traditionalToSimplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
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
  if (han > 0 && traditionalToSimplified(question) !== question) return 'zh-Hant';
  return 'zh-Hans';
}
