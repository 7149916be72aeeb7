import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { QaEngine } from '../answer/engine.js';
import type { Citation, RankedPassage } from '../answer/types.js';
import { buildLexicalIndex } from '../index/lexical-index.js';
import { loadRegistry, readRawDocument } from '../ingest/document-registry.js';
import type { Chunk } from '../ingest/types.js';
import { analyzeQuestion } from '../retrieve/analyze-question.js';
import { Retriever } from '../retrieve/retriever.js';
import type { GoldItem } from './gold.js';

/** What a system under evaluation gives back for one question. */
export interface SystemAnswer {
  answer: string;
  found: boolean;
  citations: Citation[];
  /** Ranked passages (retrieval order), for hit@k and MRR. */
  passages: Pick<RankedPassage, 'chunkId' | 'text'>[];
  /** Which check declined, when the system says so. */
  declinedBy?: string;
  ms: number;
}

export interface SystemUnderTest {
  name: string;
  description: string;
  ask(item: GoldItem): Promise<SystemAnswer>;
}

/** The engine in process, with its ranked passages. */
export function engineSystem(name: string, description: string, engine: QaEngine): SystemUnderTest {
  return {
    name,
    description,
    async ask(item) {
      const t0 = performance.now();
      const r = await engine.answer(item.question, { history: item.history, explain: true });
      return { answer: r.answer, found: r.found, citations: r.citations, passages: r.passages ?? [], declinedBy: r.declinedBy, ms: performance.now() - t0 };
    },
  };
}

/** A running server (`--url`): the same questions through POST /api/ask. */
export function httpSystem(baseUrl: string): SystemUnderTest {
  const url = new URL('/api/ask', baseUrl).toString();
  return {
    name: 'server',
    description: `POST ${url}`,
    async ask(item) {
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: item.question, history: item.history, explain: true }),
      });
      if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const r = (await res.json()) as { answer: string; found: boolean; citations: Citation[]; passages?: RankedPassage[]; declinedBy?: string };
      return { answer: r.answer, found: r.found, citations: r.citations, passages: r.passages ?? [], declinedBy: r.declinedBy, ms: performance.now() - t0 };
    },
  };
}

const NAIVE_CHUNK_SIZE = 1000;
const NAIVE_OVERLAP = 200;
const NAIVE_K = 5;

/**
 * The pipeline a newcomer would build with the same packages: the raw exports split by LangChain's
 * RecursiveCharacterTextSplitter (1000/200 characters, no cleaning, no structure), the same BM25
 * retriever and question analysis, and the top chunk returned as the answer. It never declines.
 */
export async function naiveSystem(corpusDir?: string): Promise<SystemUnderTest> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: NAIVE_CHUNK_SIZE, chunkOverlap: NAIVE_OVERLAP });
  const chunks: Chunk[] = [];
  const registry = loadRegistry(corpusDir);
  for (const entry of registry) {
    const raw = readRawDocument(entry, corpusDir);
    const pieces = await splitter.splitText(raw);
    let from = 0;
    pieces.forEach((text, i) => {
      const start = Math.max(0, raw.indexOf(text, Math.max(0, from - NAIVE_OVERLAP * 2)));
      from = start + text.length;
      chunks.push({
        pageContent: text,
        metadata: { id: `naive:${entry.id}:${i}`, docId: entry.id, docTitle: entry.title, section: [], kind: 'paragraph', start, end: start + text.length, timeScope: [], region: 'wujin' },
      });
    });
  }
  const retriever = new Retriever(chunks, buildLexicalIndex(chunks));
  const titleOf = new Map(registry.map((e) => [e.id, e.title]));
  return {
    name: 'naive',
    description: `RecursiveCharacterTextSplitter ${NAIVE_CHUNK_SIZE}/${NAIVE_OVERLAP} over the raw files (${chunks.length} chunks), same BM25 retriever, top chunk as the answer`,
    async ask(item) {
      const t0 = performance.now();
      const hits = await retriever.search(analyzeQuestion(item.question, item.history ?? []), NAIVE_K);
      const citations: Citation[] = hits.map((h) => ({
        chunkId: h.chunk.metadata.id,
        docId: h.chunk.metadata.docId,
        docTitle: titleOf.get(h.chunk.metadata.docId) ?? '',
        section: '',
        text: h.chunk.pageContent,
        start: h.chunk.metadata.start,
        end: h.chunk.metadata.end,
        score: h.score,
      }));
      const passages = hits.map((h) => ({ chunkId: h.chunk.metadata.id, text: h.chunk.pageContent }));
      return { answer: hits[0]?.chunk.pageContent ?? '', found: hits.length > 0, citations, passages, ms: performance.now() - t0 };
    },
  };
}
