/**
 * The same API contract as test/api.test.ts, against the Worker in local workerd (`npm run worker:dev`): the prebuilt
 * engine data, jieba-wasm, D1 for the question log, the static-assets binding for the pages.
 */
import { afterAll, beforeAll } from 'vitest';
import { apiSuite } from './helpers/api-suite.js';
import { startWorkerProcess, type WorkerProcess } from './helpers/worker-process.js';

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
