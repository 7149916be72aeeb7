/**
 * Running in public: the question log and feedback in SQLite, staff analytics behind a token, rate limits,
 * CORS for the widget's host sites, security headers, timeouts, reindex without downtime.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/answer/load-engine.js';
import { createApp } from '../src/server/app.js';
import type { RunningServer } from '../src/server/node.js';
import { toCsv } from '../src/store/csv.js';
import { normaliseQuestion } from '../src/store/normalise-question.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import type { QaStore } from '../src/store/types.js';
import { ask, getJson, postJson } from './helpers/http.js';
import { startTestServer } from './helpers/server.js';

const TOKEN = 'test-admin-token-0123456789';
const GDP_Q = '2025年武进区地区生产总值是多少？';
const DAY = 86_400_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wjqa-ops-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('creates the schema by migration once, in WAL mode, and keeps its salt across reopening', async () => {
    const path = join(dir, 'migrate.sqlite');
    const first = new SqliteStore(path);
    expect(first.applied).toEqual(['0001_question_log_and_feedback.sql']);
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const salt = await first.salt();
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    await first.close();
    const second = new SqliteStore(path);
    expect(second.applied).toEqual([]);
    expect(await second.salt()).toBe(salt);
    expect(second.integrity()).toBe('ok');
    await second.close();
  });

  it('purges questions older than the retention cutoff together with their ratings', async () => {
    const store = new SqliteStore(':memory:');
    const now = Date.now();
    const entry = (id: string, askedAt: number) => ({ id, askedAt, question: 'q', found: true, topCitations: [], latencyMs: 1, interface: 'api' as const, clientHash: 'h' });
    await store.logQuestion(entry('old', now - 200 * DAY));
    await store.logQuestion(entry('new', now - 10 * DAY));
    expect(await store.addFeedback({ id: 'f1', answerId: 'old', givenAt: now, rating: 2 })).toBe('stored');
    expect(await store.addFeedback({ id: 'f2', answerId: 'new', givenAt: now, rating: 5 })).toBe('stored');
    expect(await store.purge(now - 180 * DAY)).toEqual({ questions: 1, feedback: 1 });
    expect(store.db.prepare('SELECT id FROM questions').all()).toEqual([{ id: 'new' }]);
    expect(store.db.prepare('SELECT id FROM feedback').all()).toEqual([{ id: 'f2' }]);
    await store.close();
  });

  it('a second rating of the same answer replaces the first', async () => {
    const store = new SqliteStore(':memory:');
    await store.logQuestion({ id: 'a', askedAt: Date.now(), question: 'q', found: true, topCitations: [], latencyMs: 1, interface: 'widget', clientHash: 'h' });
    await store.addFeedback({ id: 'f1', answerId: 'a', givenAt: Date.now(), rating: 2 });
    await store.addFeedback({ id: 'f2', answerId: 'a', givenAt: Date.now(), rating: 5, comment: '改了' });
    expect(store.db.prepare('SELECT rating, comment FROM feedback').all()).toEqual([{ rating: 5, comment: '改了' }]);
    await store.close();
  });

  it('normalises questions for grouping and writes CSV a spreadsheet cannot run', () => {
    expect(normaliseQuestion('  ２０２５年 GDP　是多少？？ ')).toBe('2025年 GDP 是多少');
    expect(toCsv([{ a: '=HYPERLINK("x")', b: '含,逗号\n换行' }], ['a', 'b'])).toBe('a,b\r\n"\'=HYPERLINK(""x"")","含,逗号\n换行"\r\n');
  });
});

describe('server with the question log, admin token and limits', () => {
  let server: RunningServer;
  const dbPath = () => join(dir, 'server.sqlite');

  beforeAll(async () => {
    server = await startTestServer({ config: { dbPath: dbPath(), adminToken: TOKEN, widgetOrigins: ['https://www.wj.gov.cn'] } });
  });
  afterAll(() => server?.close());

  const admin = (path: string, token = TOKEN) => getJson(server.url, path, { authorization: `Bearer ${token}` });

  it('logs every answered question: normalised text, found, top citations, latency, interface, a salted client hash and no address', async () => {
    const res = await ask(server.url, { question: ' 2025年武进区地区生产总值是多少？ ', interface: 'staff' });
    const row = server.store.db.prepare('SELECT * FROM questions WHERE id = ?').get(res.body.id) as Record<string, unknown>;
    expect(row.question).toBe('2025年武进区地区生产总值是多少');
    expect(row.found).toBe(1);
    expect(JSON.parse(row.top_citations as string)[0]).toBe(res.body.citations[0].chunkId);
    expect(row.interface).toBe('staff');
    expect(row.latency_ms).toBeGreaterThanOrEqual(0);
    expect(row.client_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(row).sort()).toEqual(['asked_at', 'client_hash', 'found', 'id', 'interface', 'latency_ms', 'question', 'top_citations']);
    server.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(dbPath()).toString('latin1') + readFileSync(`${dbPath()}-wal`).toString('latin1');
    expect(bytes).not.toContain('127.0.0.1');
  });

  it('admin routes: 401 without or with a wrong token, statistics with the right one', async () => {
    const none = await getJson(server.url, '/api/admin/stats');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await admin('/api/admin/stats', 'wrong-token-wrong-token')).status).toBe(401);

    const answered = await ask(server.url, { question: GDP_Q, interface: 'widget' });
    await postJson(server.url, '/api/feedback', { answerId: answered.body.id, rating: 2, comment: '希望有月度数据' });
    const gap = await ask(server.url, { question: '武进区有几个地铁站？', interface: 'widget' });
    expect(gap.body.found).toBe(false);

    const stats = await admin('/api/admin/stats?days=7');
    expect(stats.status).toBe(200);
    const s = stats.body;
    expect(s.totals.questions).toBeGreaterThanOrEqual(3);
    expect(s.totals.byInterface.widget).toBeGreaterThanOrEqual(2);
    expect(s.perDay.at(-1).day).toBe(new Date().toISOString().slice(0, 10));
    expect(s.unanswered.map((u: { question: string }) => u.question)).toContain('武进区有几个地铁站');
    expect(s.topQuestions[0]).toMatchObject({ question: '2025年武进区地区生产总值是多少', count: 2 });
    expect(s.satisfaction.find((r: { rating: number }) => r.rating === 2)).toEqual({ rating: 2, label: '不满意', count: 1 });
    expect(s.comments[0]).toMatchObject({ rating: 2, comment: '希望有月度数据', question: '2025年武进区地区生产总值是多少' });
    expect(s.slowest.length).toBeGreaterThan(0);
    expect((await admin('/api/admin/stats?days=0')).status).toBe(400);
  });

  it('exports the log and the ratings as CSV', async () => {
    const res = await fetch(`${server.url}/api/admin/export.csv?table=feedback`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="wujin-qa-feedback-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('id,question_id,given_at,rating,comment,question');
    expect(text).toContain(',2,希望有月度数据,2025年武进区地区生产总值是多少');
    const questions = await (await fetch(`${server.url}/api/admin/export.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(questions).toContain('武进区有几个地铁站');
    expect(questions).not.toContain('client_hash');
  });

  it('serves /admin (200 with a token configured)', async () => {
    const res = await fetch(`${server.url}/admin`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="token-form"');
  });

  it('lets listed widget origins call the API with CORS and refuses others', async () => {
    const allowed = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://www.wj.gov.cn' }, body: JSON.stringify({ question: GDP_Q }) });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.wj.gov.cn');
    const preflight = await fetch(`${server.url}/api/ask`, { method: 'OPTIONS', headers: { origin: 'https://www.wj.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.wj.gov.cn');
    const foreignPreflight = await fetch(`${server.url}/api/ask`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull();
    const foreign = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ question: GDP_Q }) });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('forbidden_origin');
  });

  it('sends security headers with a CSP the pages satisfy; widget.js may be embedded cross-origin', async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`${server.url}/widget.js`)).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers an oversized header block with 431 and stays healthy', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((done, fail) => {
      const req = request(`${server.url}/healthz`, { headers: { 'x-junk': 'x'.repeat(32 * 1024) } }, (res) => done(res.statusCode ?? 0));
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(431);
    expect((await getJson(server.url, '/healthz')).status).toBe(200);
  });

  it('reindexes without downtime: questions asked during the swap are all answered', async () => {
    const before = server.engine;
    const during = Array.from({ length: 12 }, () => ask(server.url, { question: GDP_Q }));
    const swap = await fetch(`${server.url}/api/admin/reindex`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    const answers = await Promise.all(during);
    expect(swap.status).toBe(200);
    expect((await swap.json()).reindexed).toBe(true);
    expect(server.engine).not.toBe(before);
    for (const a of answers) expect(a.body.figures[0].value).toBe('3570亿元');
    expect((await ask(server.url, { question: GDP_Q })).body.figures[0].value).toBe('3570亿元');
  });
});

describe('limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { rateLimitPerMin: 3 } });
  });
  afterAll(() => server?.close());

  it('answers the fourth request in a minute with 429 and Retry-After, for asks and ratings alike', async () => {
    for (let i = 0; i < 3; i++) expect((await ask(server.url, { question: GDP_Q })).status).toBe(200);
    const limited = await ask(server.url, { question: GDP_Q });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await postJson(server.url, '/api/feedback', { answerId: 'x', rating: 5 })).status).toBe(429);
    // Reading is not limited.
    expect((await getJson(server.url, '/healthz')).status).toBe(200);
  });

  it('admin routes are off without ADMIN_TOKEN, and say so', async () => {
    const res = await getJson(server.url, '/api/admin/stats', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({ code: 'admin_disabled', message: 'admin routes are off: set ADMIN_TOKEN to turn them on' });
    expect((await fetch(`${server.url}/admin`)).status).toBe(503);
  });

  it('stops a request that runs past the timeout with 503 timeout', async () => {
    const engine = await loadEngine({ embed: false });
    const slow = new SqliteStore(':memory:');
    const slowStore: QaStore = Object.assign(Object.create(slow), { logQuestion: () => new Promise<void>((done) => setTimeout(done, 1500)) });
    const app = createApp(() => engine, { store: slowStore, config: { widgetOrigins: [], requestTimeoutMs: 200, logRequests: false }, clientAddress: () => 'test' });
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: GDP_Q }) });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'timeout', message: 'no answer within 200 ms' } });
    await slow.close();
  });
});

describe('database file', () => {
  it('passes PRAGMA integrity_check after the server closed', () => {
    const db = new Database(join(dir, 'server.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
