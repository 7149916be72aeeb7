/** HNSW (cosine) index over chunk embeddings, persisted as index/dense.hnsw and described in index/manifest.json. */
import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { HierarchicalNSW } from 'hnswlib-node';
import type { Embedder, EmbedProgress } from '../embed/embedder.js';
import type { Chunk } from '../ingest/types.js';
import {
  defaultIndexDir,
  readManifest,
  sameIds,
  sha256File,
  tempPathFor,
  writeManifestSection,
  type DenseManifestSection,
} from './manifest.js';

export const DENSE_FILE = 'dense.hnsw';
// Fixed build parameters and seed: the same corpus and model give the same graph.
const HNSW_M = 16;
const HNSW_EF_CONSTRUCTION = 200;
const HNSW_SEED = 100;
// Search breadth; a few hundred to a few thousand chunks makes this effectively exact.
const HNSW_EF_SEARCH = 128;

export interface DenseHit {
  chunkId: string;
  /** Cosine similarity, 1 = same direction. */
  score: number;
}

export class DenseIndex {
  private ef = HNSW_EF_SEARCH;

  private constructor(
    private readonly hnsw: HierarchicalNSW,
    /** Label i is chunkIds[i]. */
    readonly chunkIds: readonly string[],
    readonly modelId: string,
    readonly dimension: number,
  ) {
    hnsw.setEf(this.ef);
  }

  static build(vectors: readonly Float32Array[], chunkIds: readonly string[], modelId: string, dimension: number): DenseIndex {
    if (vectors.length !== chunkIds.length) throw new Error(`${vectors.length} vectors for ${chunkIds.length} chunks`);
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex(Math.max(1, vectors.length), HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_SEED);
    vectors.forEach((v, label) => {
      if (v.length !== dimension) throw new Error(`vector ${label} has dimension ${v.length}, expected ${dimension}`);
      hnsw.addPoint(Array.from(v), label); // the binding accepts plain arrays only
    });
    return new DenseIndex(hnsw, chunkIds, modelId, dimension);
  }

  /** Reads a file already verified against the manifest (checksum, dimension, count). */
  static read(file: string, chunkIds: readonly string[], modelId: string, dimension: number): DenseIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.readIndexSync(file);
    if (hnsw.getCurrentCount() !== chunkIds.length) {
      throw new Error(`holds ${hnsw.getCurrentCount()} vectors, manifest lists ${chunkIds.length} chunks`);
    }
    return new DenseIndex(hnsw, chunkIds, modelId, dimension);
  }

  /** Atomic: hnswlib writes a temp file that is then renamed over the target. */
  write(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = tempPathFor(file);
    try {
      this.hnsw.writeIndexSync(tmp);
      fs.renameSync(tmp, file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  get size(): number {
    return this.chunkIds.length;
  }

  /** The k nearest chunks by cosine similarity, best first; k is capped at the number of chunks. */
  search(queryVector: ArrayLike<number>, k: number): DenseHit[] {
    if (queryVector.length !== this.dimension) {
      throw new Error(`query vector has dimension ${queryVector.length}, index has ${this.dimension}`);
    }
    const n = Math.min(Math.floor(k), this.size);
    if (n <= 0) return [];
    if (n > this.ef) {
      this.ef = n;
      this.hnsw.setEf(n);
    }
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(queryVector), n);
    // Clamp float rounding (1.0000001) so scores stay valid cosines.
    return neighbors.map((label, i) => ({ chunkId: this.chunkIds[label], score: Math.max(-1, Math.min(1, 1 - distances[i])) }));
  }
}

export interface LoadOrBuildDenseIndexOptions {
  embedder: Pick<Embedder, 'modelId' | 'dimension' | 'embedPassages'>;
  chunks: readonly Chunk[];
  /** Identifies the corpus the chunks came from; a different hash means the index is stale. */
  corpusHash: string;
  /** Default: INDEX_DIR or `<repo>/index`. */
  indexDir?: string;
  /** Called after each embedded batch while (re)building. */
  onProgress?: EmbedProgress;
  /** One line per decision (loaded / why rebuilding / built). Default: console.log. */
  log?: (line: string) => void;
}

export interface DenseIndexLoadResult {
  index: DenseIndex;
  action: 'loaded' | 'built';
  /** Why it was (re)built, when action is 'built'. */
  reason?: string;
}

/** Loads index/dense.hnsw when the manifest matches chunks, corpus and model; otherwise rebuilds it and says why. */
export async function loadOrBuildDenseIndex(opts: LoadOrBuildDenseIndexOptions): Promise<DenseIndexLoadResult> {
  const indexDir = opts.indexDir ?? defaultIndexDir();
  const log = opts.log ?? ((line: string) => console.log(line));
  const { embedder, corpusHash } = opts;
  const chunkIds = opts.chunks.map((c) => c.metadata.id);

  const check = checkStoredDenseIndex(indexDir, { corpusHash, chunkIds, modelId: embedder.modelId, dimension: embedder.dimension });
  let reason: string;
  if ('dense' in check) {
    const file = path.join(indexDir, check.dense.file);
    try {
      const index = DenseIndex.read(file, chunkIds, embedder.modelId, embedder.dimension);
      log(`[dense] loaded ${file}: ${index.size} chunks, model ${embedder.modelId}, dim ${embedder.dimension}`);
      return { index, action: 'loaded' };
    } catch (err) {
      reason = `${file} is unreadable (${(err as Error).message})`;
    }
  } else {
    reason = check.problem;
  }
  log(`[dense] rebuilding index in ${indexDir}: ${reason}`);

  const started = Date.now();
  const vectors = await embedder.embedPassages(
    opts.chunks.map((c) => c.pageContent),
    opts.onProgress,
  );
  const index = DenseIndex.build(vectors, chunkIds, embedder.modelId, embedder.dimension);
  const file = path.join(indexDir, DENSE_FILE);
  index.write(file);
  const dense: DenseManifestSection = {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    builtAt: new Date().toISOString(),
    file: DENSE_FILE,
    sha256: sha256File(file),
  };
  // Written after the .hnsw file: a crash in between leaves a checksum mismatch, hence a rebuild.
  writeManifestSection(indexDir, { corpusHash, chunkIds }, { dense });
  log(`[dense] built ${file}: ${index.size} chunks, model ${embedder.modelId}, dim ${embedder.dimension}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { index, action: 'built', reason };
}

interface DenseExpectation {
  corpusHash: string;
  chunkIds: readonly string[];
  modelId: string;
  dimension: number;
}

/** Returns the manifest's dense section when the stored index can be trusted, else the first reason it cannot. */
export function checkStoredDenseIndex(
  indexDir: string,
  want: DenseExpectation,
): { dense: DenseManifestSection } | { problem: string } {
  const read = readManifest(indexDir);
  if ('problem' in read) return read;
  const m = read.manifest;
  const d = m.dense;
  if (!d) return { problem: 'manifest has no dense index' };
  if (m.corpusHash !== want.corpusHash) {
    return { problem: `corpus hash changed (index ${short(m.corpusHash)}, corpus ${short(want.corpusHash)})` };
  }
  if (m.chunkCount !== want.chunkIds.length) return { problem: `chunk count changed (index ${m.chunkCount}, corpus ${want.chunkIds.length})` };
  if (!sameIds(m.chunkIds, want.chunkIds)) return { problem: 'chunk ids or their order changed' };
  if (d.modelId !== want.modelId) return { problem: `model changed (index ${d.modelId}, configured ${want.modelId})` };
  if (d.dimension !== want.dimension) return { problem: `dimension changed (index ${d.dimension}, model ${want.dimension})` };
  const file = path.join(indexDir, d.file);
  if (!fs.existsSync(file)) return { problem: `${file} is missing` };
  const actual = sha256File(file);
  if (actual !== d.sha256) return { problem: `${file} checksum mismatch (corrupt or replaced: sha256 ${short(actual)}, manifest ${short(d.sha256)})` };
  return { dense: d };
}

function short(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
