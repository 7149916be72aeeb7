import { EXTRA_WORD_FREQ, EXTRA_WORD_TAG, type Segmenter } from './segmenter.js';

/** The functions every jieba-wasm build (web, nodejs) exports once its module is instantiated. */
export interface JiebaWasmApi {
  cut_for_search(text: string, hmm?: boolean | null): string[];
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/** jieba-rs compiled to WebAssembly, for runtimes without native addons (Workers). */
export function wasmSegmenter(api: JiebaWasmApi, extraWords: string[]): Segmenter {
  for (const w of extraWords) api.add_word(w, EXTRA_WORD_FREQ, EXTRA_WORD_TAG);
  return {
    cutForSearch: (text, hmm) => api.cut_for_search(text, hmm),
    tag: (text, hmm) => api.tag(text, hmm),
  };
}
