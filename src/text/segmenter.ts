/**
 * The jieba segmenter the tokenizer needs, whichever build provides it: the native addon (@node-rs/jieba) on Node,
 * the WebAssembly build (jieba-wasm) on Workers. Both wrap jieba-rs with its default dictionary, so they cut and tag
 * alike (test/segmenter-parity.test.ts checks this over the whole corpus).
 */
export interface Segmenter {
  cutForSearch(text: string, hmm: boolean): string[];
  tag(text: string, hmm: boolean): { word: string; tag: string }[];
}

/** Frequency and tag given to the project's own words: high enough to keep them whole. */
export const EXTRA_WORD_FREQ = 100_000;
export const EXTRA_WORD_TAG = 'n';
