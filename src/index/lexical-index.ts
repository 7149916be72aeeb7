import type { Chunk } from '../ingest/types.js';
import { buildBm25, type Bm25Model } from '../retrieve/bm25.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Two BM25 fields: the passage itself and its headings (section path, defined term, indicator name).
 * Headings carry the topic a terse passage leaves implicit ("提振消费市场", "2026年工作安排").
 */
export interface LexicalIndex {
  body: Bm25Model;
  headings: Bm25Model;
}

export function headingText(chunk: Chunk): string {
  const m = chunk.metadata;
  return [...m.section, m.term ?? '', m.indicator ? `${m.indicator.name} ${m.indicator.unit}` : ''].join(' ');
}

export function buildLexicalIndex(chunks: Chunk[]): LexicalIndex {
  return {
    body: buildBm25(chunks.map((c) => tokenize(c.pageContent))),
    headings: buildBm25(chunks.map((c) => tokenize(headingText(c)))),
  };
}
