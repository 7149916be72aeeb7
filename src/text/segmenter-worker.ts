import { initSync, cut_for_search, tag, add_word } from 'jieba-wasm/web';
// The module is compiled by the Workers runtime at upload (wrangler's CompiledWasm rule); Workers cannot fetch or
// compile WebAssembly from bytes at run time. The package's exports map hides the file, hence the path.
import jiebaModule from '../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm';
import type { Segmenter } from './segmenter.js';
import { wasmSegmenter } from './segmenter-wasm.js';

/** Workers: `#segmenter` resolves here under the "workerd" condition wrangler bundles with. */
export function createSegmenter(extraWords: string[]): Segmenter {
  initSync({ module: jiebaModule });
  return wasmSegmenter({ cut_for_search, tag, add_word }, extraWords);
}
