/**
 * `npm run load`: autocannon on loopback against the server in its own process (rate limit off, question log in
 * a real SQLite file), a mix of the real benchmark questions. Prints requests/s, latency p50/p95/p99, errors
 * (must be 0) and the server's RSS before and after (growth must stay under 50 MB). LOAD_SECONDS overrides 60.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_QUESTIONS } from './bench-questions.js';
import { summarize } from './latency-stats.js';
import { MB, procMemory } from './memory.js';
import { startServerProcess } from './server-process.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = 32;
const MAX_GROWTH_MB = 50;

const dir = mkdtempSync(join(tmpdir(), 'wjqa-load-'));
process.env.BENCH_DB_PATH = join(dir, 'load.sqlite');
const server = await startServerProcess();
const rssMB = () => (procMemory(server.pid)?.rss ?? NaN) / MB;

const requests = BENCH_QUESTIONS.map((q) => ({
  method: 'POST' as const,
  path: '/api/ask',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ question: q.question, interface: 'api' }),
}));
/** Runs autocannon and keeps every response time, so p95 is exact (autocannon itself reports p90 and p97.5). */
async function run(duration: number): Promise<{ result: autocannon.Result; times: number[] }> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon({ url: server.url, connections: CONNECTIONS, duration, requests }, (err, res) => (err ? fail(err) : done(res)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  return { result, times };
}

const atReady = rssMB();
// Warm-up at the same load for 15 s (JIT code, caches, the heap's working size: RSS rises by about 45 MB in the
// first seconds of load, then stays flat). Growth is measured over the run itself, which is what reveals a leak;
// RSS at ready is printed too.
const WARMUP_SECONDS = 15;
await run(WARMUP_SECONDS);
const before = rssMB();
console.error(`[load] ${SECONDS} s at ${CONNECTIONS} connections, ${requests.length} questions in rotation, server pid ${server.pid}`);
const trend: number[] = [];
const sampler = setInterval(() => trend.push(rssMB()), 10_000);
const { result, times } = await run(SECONDS);
const latency = summarize(times);
clearInterval(sampler);
const after = rssMB();
await server.close();
rmSync(dir, { recursive: true, force: true });

const errors = result.errors + result.timeouts + result.non2xx;
const growth = after - before;
const fmt = (n: number) => n.toFixed(1);
console.log(`
| measure | figure |
| --- | --- |
| duration, connections | ${result.duration.toFixed(0)} s, ${CONNECTIONS} |
| requests | ${result.requests.total} (${fmt(result.requests.average)} req/s) |
| latency p50 / p95 / p99 | ${fmt(latency.p50)} / ${fmt(latency.p95)} / ${fmt(latency.p99)} ms |
| errors (connection errors + timeouts + non-2xx) | ${errors} |
| server RSS at ready / after warm-up / after load | ${fmt(atReady)} / ${fmt(before)} / ${fmt(after)} MB |
| warm-up | ${WARMUP_SECONDS} s at the same load |
| RSS every 10 s during the run | ${trend.map(fmt).join(', ')} MB |
| RSS growth under load | ${growth >= 0 ? '+' : ''}${fmt(growth)} MB (limit ${MAX_GROWTH_MB} MB) |
`);

const ok = errors === 0 && growth < MAX_GROWTH_MB;
console.log(ok ? 'load: passed (0 errors, RSS growth within the limit)' : `load: FAILED (${errors} errors, RSS growth ${fmt(growth)} MB)`);
process.exit(ok ? 0 : 1);
