import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { EXTRA_WORD_FREQ, EXTRA_WORD_TAG, type Segmenter } from './segmenter.js';

/** Node: jieba-rs as a native addon (`#segmenter` resolves here by default). */
export function createSegmenter(extraWords: string[]): Segmenter {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(extraWords.map((w) => `${w} ${EXTRA_WORD_FREQ} ${EXTRA_WORD_TAG}`).join('\n')));
  return {
    cutForSearch: (text, hmm) => jieba.cutForSearch(text, hmm),
    tag: (text, hmm) => jieba.tag(text, hmm),
  };
}
