/**
 * Faults on the real server process: SIGKILL while it logs under load (the database opens, passes
 * integrity_check and holds every acknowledged row), SIGTERM with requests in flight (all finish, clean exit),
 * and a corrupt index file (detected by checksum, rebuilt, answering).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODEL_ID, makeFixtureModel } from './fixtures/make-fixture-model.js';
import { ask, getJson } from './helpers/http.js';
import { startServerProcess } from './helpers/server-process.js';

const QUESTIONS = ['2025年武进区地区生产总值是多少？', '到2030年一般公共预算收入目标是多少？', '“十四五”期间新增城镇就业多少人？', '武进区有几个地铁站？'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wjqa-faults-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGKILL while logging under load', () => {
  it('restarts on the same database, which passes integrity_check and holds every acknowledged row', async () => {
    const dbPath = join(dir, 'kill.sqlite');
    const first = await startServerProcess({ DB_PATH: dbPath });
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await ask(first.url, { question: QUESTIONS[(w + i) % QUESTIONS.length] });
          if (res.status === 200) acknowledged.push(res.body.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await startServerProcess({ DB_PATH: dbPath });
    try {
      const db = new Database(dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT id FROM questions').all() as { id: string }[]).map((r) => r.id));
      db.close();
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect({ acknowledged: acknowledged.length, missing }).toEqual({ acknowledged: acknowledged.length, missing: [] });
      const again = await ask(second.url, { question: QUESTIONS[0] });
      expect(again.body.figures[0].value).toBe('3570亿元');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});

describe('SIGTERM with requests in flight', () => {
  it('finishes them, refuses new connections and exits 0 after closing the database', async () => {
    const dbPath = join(dir, 'term.sqlite');
    const server = await startServerProcess({ DB_PATH: dbPath });
    const inFlight = Array.from({ length: 24 }, (_, i) => ask(server.url, { question: QUESTIONS[i % QUESTIONS.length] }));
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    const results = await Promise.allSettled(inFlight);
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.output()).toContain('[start] closed cleanly');
    const answered = results.filter((r) => r.status === 'fulfilled' && r.value.status === 200).length;
    // Every request that reached the server before the signal was answered; none got a 5xx.
    for (const r of results) if (r.status === 'fulfilled') expect(r.value.status).toBe(200);
    expect(answered).toBeGreaterThan(0);
    await expect(getJson(server.url, '/healthz')).rejects.toThrow();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n).toBe(answered);
    db.close();
  });
});

describe('corrupt index file', () => {
  it('is detected at start by its checksum, rebuilt with a clear log line, and the server answers', async () => {
    const modelsDir = join(dir, 'models');
    const indexDir = join(dir, 'index');
    makeFixtureModel(modelsDir);
    const env = { DB_PATH: join(dir, 'index.sqlite'), EMBED_DISABLED: 'false', EMBED_MODEL: FIXTURE_MODEL_ID, MODELS_DIR: modelsDir, INDEX_DIR: indexDir, EMBED_ALLOW_REMOTE: 'false' };
    const first = await startServerProcess(env, 120_000);
    expect(first.output()).toMatch(/\[dense\] built \S*dense\.hnsw: \d+ chunks/);
    first.child.kill('SIGTERM');
    await first.exited;

    const file = join(indexDir, 'dense.hnsw');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 64, 4096);
    writeFileSync(file, bytes);

    const second = await startServerProcess(env, 120_000);
    try {
      expect(second.output()).toMatch(/\[dense\] rebuilding index in \S+: \S*dense\.hnsw checksum mismatch/);
      expect(second.output()).toMatch(/\[dense\] built \S*dense\.hnsw: \d+ chunks/);
      const health = await getJson(second.url, '/healthz');
      expect(health.body.retrievers.dense.active).toBe(true);
      const res = await ask(second.url, { question: QUESTIONS[0] });
      expect(res.body.figures[0].value).toBe('3570亿元');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
