import type { Chunk } from '../ingest/types.js';
import type { LexicalIndex } from '../index/lexical-index.js';
import { tokenize } from '../text/tokenize.js';
import { termFactor, type QuestionAnalysis } from './analyze-question.js';
import { scoreBm25, type WeightedTerm } from './bm25.js';
import { aroundFocus, definitionFocus } from './definition-focus.js';
import { frameBoost } from './frame-boost.js';

export interface ScoredChunk {
  chunk: Chunk;
  score: number;
  lexicalRank?: number;
  denseRank?: number;
}

/** What a dense retriever must offer: ids of the nearest chunks, best first. */
export interface DenseSearch {
  modelId: string;
  search(query: string, k: number): Promise<{ chunkId: string; score: number }[]>;
}

/** 'dense' (the embedding ranking alone) exists for evaluation baselines; the product runs lexical or hybrid. */
export type RetrievalMode = 'lexical' | 'hybrid' | 'dense';

const HEADING_WEIGHT = 0.35;
const RRF_K = 60;

function weightedTerms(analysis: QuestionAnalysis): WeightedTerm[] {
  const weights = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const t of tokenize(text)) weights.set(t, Math.max(weights.get(t) ?? 0, w));
  };
  add(analysis.matchText, 0.25); // frame and question words: a light touch
  // The words around the one a definition question asks about ("…OPC社区的创新生态，OPC是什么意思？") are where the asker met it.
  const focus = definitionFocus(analysis);
  for (const term of analysis.contentTerms) add(term, termFactor(analysis, term) * (aroundFocus(focus, term) ? 0.5 : 1));
  for (const term of analysis.expansions) add(term, 0.5);
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

export class Retriever {
  private readonly byId: Map<string, number>;

  constructor(
    readonly chunks: Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly dense?: DenseSearch,
    private readonly denseOnly = false,
  ) {
    this.byId = new Map(chunks.map((c, i) => [c.metadata.id, i]));
  }

  get mode(): RetrievalMode {
    if (!this.dense) return 'lexical';
    return this.denseOnly ? 'dense' : 'hybrid';
  }

  get denseModelId(): string | undefined {
    return this.dense?.modelId;
  }

  lexicalScores(analysis: QuestionAnalysis): Map<number, number> {
    const terms = weightedTerms(analysis);
    const body = scoreBm25(this.lexical.body, terms);
    for (const [doc, s] of scoreBm25(this.lexical.headings, terms)) body.set(doc, (body.get(doc) ?? 0) + HEADING_WEIGHT * s);
    return body;
  }

  /** Ranked passages: BM25 (or its reciprocal-rank fusion with the dense ranking), then the frame boosts. */
  async search(analysis: QuestionAnalysis, k: number, docIds?: string[], keepLexicalTop = 0): Promise<ScoredChunk[]> {
    const allowed = (i: number) => !docIds || docIds.length === 0 || docIds.includes(this.chunks[i]!.metadata.docId);
    const lexical = [...this.lexicalScores(analysis)].filter(([i]) => allowed(i)).sort((a, b) => b[1] - a[1]);
    const fused = new Map<number, { score: number; lexicalRank?: number; denseRank?: number }>();

    if (!this.dense) {
      const max = lexical[0]?.[1] ?? 1;
      lexical.forEach(([i, s], rank) => fused.set(i, { score: s / max, lexicalRank: rank + 1 }));
    } else {
      const depth = Math.max(50, k * 4);
      if (!this.denseOnly) lexical.slice(0, depth).forEach(([i], rank) => fused.set(i, { score: 1 / (RRF_K + rank + 1), lexicalRank: rank + 1 }));
      const denseHits = await this.dense.search(analysis.matchText, depth);
      let rank = 0;
      for (const hit of denseHits) {
        const i = this.byId.get(hit.chunkId);
        if (i === undefined || !allowed(i)) continue;
        rank++;
        const entry = fused.get(i) ?? { score: 0 };
        entry.score += 1 / (RRF_K + rank);
        entry.denseRank = rank;
        fused.set(i, entry);
      }
      const max = Math.max(...[...fused.values()].map((e) => e.score), 1e-9);
      for (const e of fused.values()) e.score /= max;
    }

    const ranked = [...fused]
      .map(([i, e]) => ({ chunk: this.chunks[i]!, ...e, score: e.score * frameBoost(this.chunks[i]!, analysis.frame) }))
      .sort((a, b) => b.score - a.score);
    const top = ranked.slice(0, k);
    // For answering, an exact keyword match must not be pushed out by passages a weak embedding
    // happens to like: the caller may keep the best lexical hits among the candidates whatever the fusion says.
    for (const hit of this.denseOnly ? [] : ranked.slice(k)) {
      if (hit.lexicalRank !== undefined && hit.lexicalRank <= keepLexicalTop) top.push(hit);
    }
    return top;
  }
}
