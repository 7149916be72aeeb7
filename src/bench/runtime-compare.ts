/**
 * `npm run bench:worker`: the Worker in local workerd against the Node server, on the same benchmark questions in
 * one run. Prints the Worker bundle's size (gzipped) against the Workers limits, workerd's memory idle and after
 * answering, and latency per runtime: the Worker's engine build on its first request, the first answer (cold:
 * jieba-wasm instantiated) and
 * ROUNDS sequential passes over the questions, alternating which runtime goes first.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { normalizeForMatch } from '../text/normalize.js';
import { wasmSegmenter, type JiebaWasmApi } from '../text/segmenter-wasm.js';
import { extraWords } from '../text/tokenize.js';
import { BENCH_QUESTIONS } from './bench-questions.js';
import { REPO_ROOT } from './cold-start.js';
import { round2, summarize } from './latency-stats.js';
import { MB, procMemory } from './memory.js';
import { startServerProcess } from './server-process.js';
import { isolateHeap, type IsolateHeap } from './isolate-heap.js';
import { freePort, startWorkerProcess } from './worker-process.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Workers limits (Cloudflare docs, "Limits"): memory per isolate, and the compressed size on Free / Paid plans. */
const WORKER_MEMORY_LIMIT_MB = 128;

const dir = mkdtempSync(join(tmpdir(), 'wjqa-rt-'));
process.env.BENCH_DB_PATH = join(dir, 'node.sqlite');
const inspectorPort = await freePort();
const worker = await startWorkerProcess(['RATE_LIMIT_PER_MIN:0', 'LOG_REQUESTS:0'], { WORKER_INSPECTOR_PORT: String(inspectorPort) }); // builds the bundle first
const node = await startServerProcess();
const workerdPid = worker.workerdPid();
if (!workerdPid) throw new Error('no workerd process found under wrangler dev');
const workerdMB = () => (procMemory(workerdPid)?.rss ?? NaN) / MB;
const nodeMB = () => (procMemory(node.pid)?.rss ?? NaN) / MB;

const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'worker', 'bundle-size.json'), 'utf8')) as {
  modules: { file: string; raw: number; gz: number }[];
  total: { raw: number; gz: number };
  limitsGz: { free: number; paid: number };
};

/** One answer over HTTP: its wall time and what a user sees of it (found flag and text). */
async function askOnce(base: string, question: string): Promise<{ ms: number; seen: string }> {
  const t = performance.now();
  const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  const body = (await res.json()) as { answer?: string; found?: boolean };
  const ms = performance.now() - t;
  if (res.status !== 200 || typeof body.answer !== 'string') throw new Error(`${base}: ${res.status} for ${question}`);
  return { ms, seen: `${body.found}|${body.answer}` };
}

const idle = workerdMB();
const heap: Record<string, IsolateHeap> = {};
// The isolate exists once it has served a request: read its heap after a /healthz (which builds the engine).
const healthStart = performance.now();
await fetch(`${worker.url}/healthz`);
const engineBuildMs = performance.now() - healthStart;
heap.engineBuilt = await isolateHeap(inspectorPort);
const coldWorker = (await askOnce(worker.url, BENCH_QUESTIONS[0]!.question)).ms;
const coldNode = (await askOnce(node.url, BENCH_QUESTIONS[0]!.question)).ms;
// Same answers on both runtimes: the figures and the found flag must agree for every question.
let differing = 0;
for (const { question } of BENCH_QUESTIONS) {
  const [a, b] = await Promise.all([worker.url, node.url].map((base) => askOnce(base, question)));
  if (a!.seen !== b!.seen) differing++;
}
const afterWarm = workerdMB();
heap.afterWarm = await isolateHeap(inspectorPort);

const times: Record<'node' | 'workerd', number[]> = { node: [], workerd: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, { question }] of BENCH_QUESTIONS.entries()) {
    const order = (round + i) % 2 === 0 ? (['node', 'workerd'] as const) : (['workerd', 'node'] as const);
    for (const rt of order) times[rt].push((await askOnce(rt === 'node' ? node.url : worker.url, question)).ms);
  }
}
const afterRun = workerdMB();
heap.afterRun = await isolateHeap(inspectorPort);
heap.live = await isolateHeap(inspectorPort, { collect: true });
const nodeRss = nodeMB();
await node.close();
await worker.stop();
rmSync(dir, { recursive: true, force: true });

/**
 * WebAssembly linear memory is not in the inspector's heap figures. The Worker's jieba module is the one in
 * jieba-wasm's Node build (same Rust code and dictionary), so its memory is read here after the same words and questions.
 */
const jiebaWasm = createRequire(import.meta.url)('jieba-wasm') as JiebaWasmApi & { __wasm: { memory: WebAssembly.Memory } };
const seg = wasmSegmenter(jiebaWasm, extraWords());
for (const { question } of BENCH_QUESTIONS) {
  seg.cutForSearch(normalizeForMatch(question), true);
  seg.tag(normalizeForMatch(question), true);
}
const wasmMB = jiebaWasm.__wasm.memory.buffer.byteLength / MB;
const isolatePeak = Math.max(...Object.values(heap).map((h) => h.totalMB)) + wasmMB;
const isolateLive = heap.live!.totalMB + wasmMB;

const n = summarize(times.node);
const w = summarize(times.workerd);
const f1 = (x: number) => x.toFixed(1);
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
console.log(`
Worker bundle (wrangler deploy --dry-run):
| module | size | gzipped |
| --- | --- | --- |
${bundle.modules.map((m) => `| ${m.file.replace(/^[0-9a-f]{40}-/, '')} | ${mb(m.raw)} | ${mb(m.gz)} |`).join('\n')}
| **total** | ${mb(bundle.total.raw)} | **${mb(bundle.total.gz)}** (limit ${mb(bundle.limitsGz.free)} Free, ${mb(bundle.limitsGz.paid)} Paid) |

Memory of the Worker's isolate (V8 inspector: JS heap in use + ArrayBuffer/WebAssembly backing stores; limit ${WORKER_MEMORY_LIMIT_MB} MB):
| moment | JS heap | backing stores (wasm) | isolate total |
| --- | --- | --- | --- |
${Object.entries(heap)
  .map(([k, h]) => `| ${{ engineBuilt: 'engine built (/healthz)', afterWarm: 'after warm-up answers', afterRun: `after ${ROUNDS} × ${BENCH_QUESTIONS.length} answers`, live: 'then, after a full collection (live)' }[k]} | ${f1(h.usedMB)} MB | ${f1(h.backingMB)} MB | **${f1(h.totalMB)} MB** |`)
  .join('\n')}
jieba-wasm linear memory: ${f1(wasmMB)} MB. Isolate, heap + wasm: **${f1(isolateLive)} MB live**, ${f1(isolatePeak)} MB at most with uncollected garbage, of ${WORKER_MEMORY_LIMIT_MB} MB.
workerd process RSS (runtime + isolate): idle ${f1(idle)} MB, after warm-up ${f1(afterWarm)} MB, after the run ${f1(afterRun)} MB.
Node server RSS after the same run: ${f1(nodeRss)} MB.

Latency, ${ROUNDS} sequential passes over ${BENCH_QUESTIONS.length} questions on loopback (ms):
| runtime | first answer (cold) | p50 | p95 | mean | max |
| --- | --- | --- | --- | --- | --- |
| Node (npm start) | ${f1(coldNode)} | ${f1(n.p50)} | ${f1(n.p95)} | ${f1(n.mean)} | ${f1(n.max)} |
| workerd (npm run worker:dev) | ${f1(coldWorker)} | ${f1(w.p50)} | ${f1(w.p95)} | ${f1(w.mean)} | ${f1(w.max)} |
The Worker builds its engine on an isolate's first request (/healthz here: engine data parsed): ${f1(engineBuildMs)} ms; its first answer then also instantiates jieba-wasm. Node builds the engine before it listens.
workerd / Node p50: ${(w.p50 / n.p50).toFixed(2)}×. Answers differing between the runtimes: ${differing} of ${BENCH_QUESTIONS.length}.
`);
const out = join(REPO_ROOT, 'dist', 'worker', 'runtime-compare.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      bundle: bundle.total,
      memoryMB: { isolate: heap, jiebaWasm: round2(wasmMB), isolateLive: round2(isolateLive), isolatePeak: round2(isolatePeak), workerdRss: { idle: round2(idle), afterWarm: round2(afterWarm), afterRun: round2(afterRun) }, nodeRss: round2(nodeRss) },
      latencyMs: { node: { cold: round2(coldNode), ...n }, workerd: { engineBuild: round2(engineBuildMs), cold: round2(coldWorker), ...w } },
      differing,
    },
    null,
    2,
  ),
);
if (differing > 0) {
  console.log('bench:worker: FAILED, the runtimes gave different answers');
  process.exit(1);
}
