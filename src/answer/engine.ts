import { loadEmbedConfig, type EmbedConfig } from '../embed/model-config.js';
import { createDenseRetriever } from '../index/dense-retriever.js';
import { buildLexicalIndex } from '../index/lexical-index.js';
import { corpusHash, loadCorpus } from '../ingest/load-corpus.js';
import type { Chunk, DocumentEntry, ParsedDocument } from '../ingest/types.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { Retriever, type DenseSearch, type ScoredChunk } from '../retrieve/retriever.js';
import { normalizeForMatch } from '../text/normalize.js';
import { answerQuestion, type AnswerContext, type AnswerOptions } from './answer-question.js';
import { TermStats } from './term-stats.js';
import type { AnswerResult } from './types.js';

export interface EngineOptions {
  corpusDir?: string;
  indexDir?: string;
  /** Embedding model settings; `false` runs lexical only without looking for a model. */
  embed?: EmbedConfig | false;
  log?: (line: string) => void;
  /** Rank by the embedding alone (an evaluation baseline; needs a model). */
  denseOnly?: boolean;
}

export interface RetrieverStatus {
  lexical: { active: true; detail: string };
  dense: { active: boolean; modelId?: string; detail: string };
}

/** Everything needed to answer: parsed documents, passages, the lexical index and, when a model is present, the dense one. */
export class QaEngine {
  readonly byDoc: Map<string, ParsedDocument>;
  private readonly ctx: AnswerContext;

  private constructor(
    readonly documents: ParsedDocument[],
    readonly chunks: Chunk[],
    readonly retriever: Retriever,
    readonly status: RetrieverStatus,
    readonly corpusHash: string,
  ) {
    this.byDoc = new Map(documents.map((d) => [d.entry.id, d]));
    this.ctx = {
      retriever,
      stats: new TermStats(chunks.map((c) => c.pageContent)),
      documents: new Map<string, DocumentEntry>(documents.map((d) => [d.entry.id, d.entry])),
      corpusText: normalizeForMatch(documents.map((d) => d.cleaned).join('\n')),
    };
  }

  static async create(opts: EngineOptions = {}): Promise<QaEngine> {
    const log = opts.log ?? (() => {});
    const documents = loadCorpus(opts.corpusDir);
    const chunks = documents.flatMap((d) => d.chunks);
    const hash = corpusHash(opts.corpusDir);
    const lexical = buildLexicalIndex(chunks);
    const lexicalDetail = `BM25 over jieba words and character bigrams, ${chunks.length} passages`;

    let dense: DenseSearch | undefined;
    let denseStatus: RetrieverStatus['dense'] = { active: false, detail: 'embedding disabled' };
    if (opts.embed !== false) {
      const cfg = opts.embed ?? loadEmbedConfig();
      const made = await createDenseRetriever({ cfg, chunks, corpusHash: hash, indexDir: opts.indexDir, log });
      if ('unavailable' in made) {
        denseStatus = { active: false, modelId: cfg.modelId, detail: made.unavailable };
        log(`[engine] dense retrieval off: ${made.unavailable}`);
      } else {
        dense = { modelId: made.modelId, search: (q, k) => made.search(q, k) };
        denseStatus = { active: true, modelId: made.modelId, detail: `HNSW index ${made.indexAction}, ${made.index.size} vectors` };
      }
    }
    const retriever = new Retriever(chunks, lexical, dense, opts.denseOnly === true);
    return new QaEngine(documents, chunks, retriever, { lexical: { active: true, detail: lexicalDetail }, dense: denseStatus }, hash);
  }

  answer(question: string, opts: AnswerOptions = {}): Promise<AnswerResult> {
    return answerQuestion(question, this.ctx, opts);
  }

  search(query: string, k: number, docs?: string[]): Promise<ScoredChunk[]> {
    return this.retriever.search(analyzeQuestion(query), k, docs);
  }
}
