/**
 * The same API contract as test/api.test.ts, against the Worker in local workerd (`npm run worker:dev`): the prebuilt
 * engine data, jieba-wasm, D1 for the question log, the static-assets binding for the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSuite } from './helpers/api-suite.js';
import { ask, getJson, postJson, type ErrorBody } from './helpers/http.js';
import { startWorkerProcess, type WorkerProcess } from '../src/bench/worker-process.js';

let worker: WorkerProcess | undefined;

beforeAll(async () => {
  worker = await startWorkerProcess(['RATE_LIMIT_PER_MIN:0', 'LOG_REQUESTS:0']);
}, 240_000);

afterAll(async () => {
  await worker?.stop();
});

apiSuite(() => {
  if (!worker) throw new Error('worker not started');
  return worker.url;
});

describe('Worker bindings in workerd: D1 question log, admin token, Rate Limiting, cron purge', () => {
  const TOKEN = 'worker-admin-token-0123456789';
  let w: WorkerProcess | undefined;
  const url = () => w!.url;
  const bearer = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    // The rate limit stays on here: wrangler.toml's 60 requests per minute per client.
    // The bundle the first instance built: rebuilding would make that one's wrangler dev reload mid-suite.
    w = await startWorkerProcess([`ADMIN_TOKEN:${TOKEN}`, 'LOG_REQUESTS:0'], { WORKER_SKIP_BUILD: '1' });
  }, 240_000);

  afterAll(async () => {
    await w?.stop();
  });

  it('logs questions and ratings in D1 and shows them to the admin (token required)', async () => {
    const a = await ask(url(), { question: '2025年武进区地区生产总值是多少？', interface: 'widget' });
    expect(a.status).toBe(200);
    const b = await ask(url(), { question: '武进区明年的火星探测计划是什么？', interface: 'staff' });
    expect(b.body.found).toBe(false);
    const fb = await postJson(url(), '/api/feedback', { answerId: a.body.id, rating: 4, comment: '数字很清楚' });
    expect(fb.status, fb.text).toBe(201);

    expect((await getJson(url(), '/api/admin/stats')).status).toBe(401);
    const stats = await getJson(url(), '/api/admin/stats?days=1', bearer);
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body.totals).toMatchObject({ questions: 2, unanswered: 1, feedback: 1, byInterface: { widget: 1, staff: 1, api: 0 } });
    expect(stats.body.unanswered[0].question).toBe('武进区明年的火星探测计划是什么');
    expect(stats.body.comments[0]).toMatchObject({ rating: 4, comment: '数字很清楚', question: '2025年武进区地区生产总值是多少' });

    const csv = await fetch(`${url()}/api/admin/export.csv?table=feedback`, { headers: bearer });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('数字很清楚');
    const page = await fetch(`${url()}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('cannot rebuild its index at run time: reindex says so (503), the bundle is rebuilt by a deploy', async () => {
    const res = await fetch(`${url()}/api/admin/reindex`, { method: 'POST', headers: bearer });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('unavailable');
  });

  it('keeps the log through the daily purge (retention 180 days)', async () => {
    const cron = await fetch(`${url()}/__scheduled?cron=17+3+*+*+*`); // wrangler dev --test-scheduled
    expect(cron.status).toBe(200);
    expect(await cron.text()).toBe('Ran scheduled event');
    const stats = await getJson(url(), '/api/admin/stats?days=1', bearer);
    expect(stats.body.totals.questions).toBe(2);
  });

  it('limits a client to 60 asks a minute with 429 rate_limited and Retry-After', async () => {
    let ok = 0;
    let limited: Response | undefined;
    for (let i = 0; i < 130 && !limited; i++) {
      const res = await fetch(`${url()}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '武进区的GDP是多少' }) });
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(200);
        ok++;
      }
    }
    expect(limited, 'no 429 within 130 requests').toBeDefined();
    expect(ok).toBeGreaterThanOrEqual(50); // 60 per window, less the requests above (the window may also turn over)
    expect(limited!.headers.get('retry-after')).toBe('60');
    expect((await limited!.json()).error.code).toBe('rate_limited');
  });
});

describe('a Worker deployed with a bad [vars] value', () => {
  let w: WorkerProcess | undefined;

  beforeAll(async () => {
    w = await startWorkerProcess(['REQUEST_TIMEOUT_MS:soon', 'LOG_REQUESTS:0'], { WORKER_SKIP_BUILD: '1' });
  }, 240_000);

  afterAll(async () => {
    await w?.stop();
  });

  it('answers every request with 503 unavailable naming the variable, not a bare 500', async () => {
    for (const res of [await getJson<ErrorBody>(w!.url, '/healthz'), await postJson<ErrorBody>(w!.url, '/api/ask', { question: '2025年GDP是多少' })]) {
      expect(res.status, res.text).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
      expect(res.body.error.message).toContain('REQUEST_TIMEOUT_MS');
    }
  });
});
