import type { DocumentEntry, ParsedDocument } from '../ingest/types.js';
import type { LexicalIndex } from '../index/lexical-index.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { Retriever, type DenseSearch, type ScoredChunk } from '../retrieve/retriever.js';
import { normalizeForMatch } from '../text/normalize.js';
import { answerQuestion, type AnswerContext, type AnswerOptions } from './answer-question.js';
import { TermStats } from './term-stats.js';
import type { AnswerResult } from './types.js';

export interface RetrieverStatus {
  lexical: { active: true; detail: string };
  dense: { active: boolean; modelId?: string; detail: string };
}

/**
 * What an engine is made of, all plain data: the parsed documents (with their passages) and the lexical index
 * over those passages. Node builds it from corpus/ at start; the Worker loads it prebuilt (npm run build:worker).
 */
export interface EngineData {
  corpusHash: string;
  documents: ParsedDocument[];
  lexical: LexicalIndex;
}

export interface DenseOption {
  search: DenseSearch;
  status: RetrieverStatus['dense'];
  /** Rank by the embedding alone (an evaluation baseline). */
  only?: boolean;
}

/**
 * Everything needed to answer: parsed documents, passages, the lexical index and, when a model is present, the
 * dense one. Free of Node APIs so that the Worker runs the very same engine (loadEngine builds one on Node).
 */
export class QaEngine {
  readonly byDoc: Map<string, ParsedDocument>;
  readonly documents: ParsedDocument[];
  readonly chunks: ParsedDocument['chunks'];
  readonly retriever: Retriever;
  readonly status: RetrieverStatus;
  readonly corpusHash: string;
  private readonly ctx: AnswerContext;

  constructor(data: EngineData, dense?: DenseOption, denseOff: RetrieverStatus['dense'] = { active: false, detail: 'embedding disabled' }) {
    this.documents = data.documents;
    this.chunks = data.documents.flatMap((d) => d.chunks);
    this.corpusHash = data.corpusHash;
    this.retriever = new Retriever(this.chunks, data.lexical, dense?.search, dense?.only === true);
    this.status = {
      lexical: { active: true, detail: `BM25 over jieba words and character bigrams, ${this.chunks.length} passages` },
      dense: dense?.status ?? denseOff,
    };
    this.byDoc = new Map(this.documents.map((d) => [d.entry.id, d]));
    this.ctx = {
      retriever: this.retriever,
      stats: new TermStats(this.chunks.map((c) => c.pageContent)),
      documents: new Map<string, DocumentEntry>(this.documents.map((d) => [d.entry.id, d.entry])),
      corpusText: normalizeForMatch(this.documents.map((d) => d.cleaned).join('\n')),
    };
  }

  answer(question: string, opts: AnswerOptions = {}): Promise<AnswerResult> {
    return answerQuestion(question, this.ctx, opts);
  }

  search(query: string, k: number, docs?: string[]): Promise<ScoredChunk[]> {
    return this.retriever.search(analyzeQuestion(query), k, docs);
  }
}
