/** Hybrid retrieval (BM25 + dense RRF) with the tiny fixture model, through a real HNSW file on disk. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaEngine } from '../src/answer/engine.js';
import { loadEngine } from '../src/answer/load-engine.js';
import { loadEmbedConfig, type EmbedConfig } from '../src/embed/model-config.js';
import { DENSE_FILE } from '../src/index/dense-index.js';
import { MANIFEST_FILE, readManifest, sha256File } from '../src/index/manifest.js';
import type { RunningServer } from '../src/server/node.js';
import { startTestServer } from './helpers/server.js';
import { FIXTURE_HIDDEN_SIZE, FIXTURE_MODEL_ID, makeFixtureModel } from './fixtures/make-fixture-model.js';
import { ask, getJson } from './helpers/http.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const WORK_DIR = path.join(REPO, '.tmp', `hybrid-test-${process.pid}`);
const MODELS_DIR = path.join(WORK_DIR, 'models');
const INDEX_DIR = path.join(WORK_DIR, 'index');

let embed: EmbedConfig;
let engine: QaEngine;
const firstLog: string[] = [];

beforeAll(async () => {
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  makeFixtureModel(MODELS_DIR);
  embed = loadEmbedConfig({}, { modelId: FIXTURE_MODEL_ID, modelsDir: MODELS_DIR, allowRemote: false, disabled: false });
  engine = await loadEngine({ embed, indexDir: INDEX_DIR, log: (l) => firstLog.push(l) });
});

afterAll(() => {
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
});

describe('hybrid engine with the fixture model', () => {
  it('runs in hybrid mode with the dense retriever active', () => {
    expect(engine.retriever.mode).toBe('hybrid');
    expect(engine.retriever.denseModelId).toBe(FIXTURE_MODEL_ID);
    expect(engine.status.lexical.active).toBe(true);
    expect(engine.status.dense.active).toBe(true);
    expect(engine.status.dense.modelId).toBe(FIXTURE_MODEL_ID);
    expect(engine.status.dense.detail).toMatch(/built/);
    expect(firstLog.some((l) => /rebuilding/.test(l))).toBe(true);
  });

  it('writes dense.hnsw and a manifest matching the model and the chunks', () => {
    const files = fs.readdirSync(INDEX_DIR);
    expect(files).toContain(DENSE_FILE);
    expect(files).toContain(MANIFEST_FILE);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const read = readManifest(INDEX_DIR);
    if (!('manifest' in read)) throw new Error(read.problem);
    const m = read.manifest;
    expect(m.corpusHash).toBe(engine.corpusHash);
    expect(m.chunkCount).toBe(engine.chunks.length);
    expect(m.chunkIds).toEqual(engine.chunks.map((c) => c.metadata.id));
    expect(m.dense).toMatchObject({
      modelId: FIXTURE_MODEL_ID,
      dimension: FIXTURE_HIDDEN_SIZE,
      file: DENSE_FILE,
      sha256: sha256File(path.join(INDEX_DIR, DENSE_FILE)),
    });
  });

  it.each([
    ['2025年武进区地区生产总值是多少？', '3570亿元'],
    ['低保标准是多少？', '1080元/月'],
    ['2026年武进区地区生产总值增长目标是多少？', '5.5%左右'],
  ])('answers %s with the verbatim figure %s', async (question, figure) => {
    const r = await engine.answer(question);
    expect(r.found).toBe(true);
    expect(r.mode).toBe('hybrid');
    expect(r.answer).toContain(figure);
    expect(r.figures.map((f) => f.value)).toContain(figure);
    expect(r.citations[0].text).toContain(figure);
    const doc = engine.byDoc.get(r.citations[0].docId)!;
    expect(doc.cleaned.slice(r.citations[0].start, r.citations[0].end)).toBe(r.citations[0].text);
  });

  it('fuses lexical and dense rankings', async () => {
    const hits = await engine.search('2025年地区生产总值', 10);
    expect(hits.length).toBe(10);
    expect(hits.some((h) => h.lexicalRank !== undefined && h.denseRank !== undefined)).toBe(true);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('loads the stored index on a second start instead of rebuilding', async () => {
    const lines: string[] = [];
    const again = await loadEngine({ embed, indexDir: INDEX_DIR, log: (l) => lines.push(l) });
    expect(lines.some((l) => /rebuilding/.test(l))).toBe(false);
    expect(lines.some((l) => /loaded/.test(l))).toBe(true);
    expect(again.retriever.mode).toBe('hybrid');
    expect(again.status.dense.detail).toMatch(/loaded/);
    const r = await again.answer('2025年武进区地区生产总值是多少？');
    expect(r.answer).toContain('3570亿元');
  });
});

describe('Node server with the fixture model', () => {
  let server: RunningServer | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ embed, indexDir: INDEX_DIR, log: (l) => lines.push(l) });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('reports the dense retriever as active on /healthz', async () => {
    const res = await getJson(server!.url, '/healthz');
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('hybrid');
    expect(res.body.retrievers.dense.active).toBe(true);
    expect(res.body.retrievers.dense.modelId).toBe(FIXTURE_MODEL_ID);
    expect(lines.some((l) => /rebuilding/.test(l))).toBe(false);
  });

  it('answers over HTTP in hybrid mode', async () => {
    const res = await ask(server!.url, { question: '2025年武进区地区生产总值是多少？' });
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('hybrid');
    expect(res.body.answer).toContain('3570亿元');
  });
});
