/**
 * The Worker segments with jieba-wasm, Node with the @node-rs/jieba addon. Both must cut and tag every passage and
 * question identically, or the prebuilt lexical index (built on Node) would not match the Worker's query tokens.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../src/eval/gold.js';
import { loadCorpus } from '../src/ingest/load-corpus.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { createSegmenter } from '../src/text/segmenter-native.js';
import { wasmSegmenter, type JiebaWasmApi } from '../src/text/segmenter-wasm.js';
import { extraWords } from '../src/text/tokenize.js';
import { HOT_QUESTIONS, STAFF_EXAMPLES } from '../web/src/shared/i18n.js';

// jieba-wasm's Node build: the same .wasm the Worker bundles, instantiated from disk.
const jiebaWasm = createRequire(import.meta.url)('jieba-wasm') as JiebaWasmApi;

describe('jieba on Node (native) and on Workers (wasm)', () => {
  const words = extraWords();
  const native = createSegmenter(words);
  const wasm = wasmSegmenter(jiebaWasm, words);
  const texts = [
    ...loadCorpus().flatMap((d) => d.chunks.map((c) => c.pageContent)),
    ...loadGold().filter((g) => g.split === 'dev').map((g) => g.question),
    ...Object.values(HOT_QUESTIONS).flat(),
    ...STAFF_EXAMPLES,
  ].map(normalizeForMatch);

  it('covers the corpus and the questions', () => {
    expect(texts.length).toBeGreaterThan(500);
    expect(words).toContain('一般公共预算收入');
  });

  it('cut every text into the same search-mode words, with and without HMM', () => {
    const differ = texts.filter((t) =>
      [true, false].some((hmm) => JSON.stringify(native.cutForSearch(t, hmm)) !== JSON.stringify(wasm.cutForSearch(t, hmm))),
    );
    expect(differ).toEqual([]);
  });

  it('tag every text alike', () => {
    const pairs = (s: typeof native, t: string) => s.tag(t, true).map(({ word, tag }) => `${word}/${tag}`).join(' ');
    const differ = texts.filter((t) => pairs(native, t) !== pairs(wasm, t));
    expect(differ).toEqual([]);
  });

  it('keep the project words whole in both', () => {
    for (const s of [native, wasm]) expect(s.cutForSearch('一般公共预算收入增长', true)).toContain('一般公共预算收入');
  });
});
