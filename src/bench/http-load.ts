/**
 * Closed-loop HTTP load: `concurrency` workers each send POST /api/ask and wait for the full body before
 * the next request. Node's built-in fetch (undici) keeps connections alive by default, so after the
 * first request per worker no TCP handshakes are measured. Bounded by a pass count and a deadline.
 */
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  url: string;
  questions: readonly string[];
  concurrency: number;
  /** Each pass sends every question once. */
  passes: number;
  /** Stop dispatching new requests after this long (requests in flight still finish). */
  maxMs: number;
  requestTimeoutMs?: number;
  /** Called between requests, e.g. to sample memory. */
  onRequest?: () => void;
}

export interface LoadResult {
  latenciesMs: number[];
  requests: number;
  errors: number;
  /** First few error descriptions, for the report. */
  errorSamples: string[];
  wallMs: number;
  reqPerSec: number;
  stoppedByDeadline: boolean;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const endpoint = `${opts.url}/api/ask`;
  const total = opts.questions.length * opts.passes;
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let attempts = 0;
  let next = 0;
  let stoppedByDeadline = false;
  const started = performance.now();
  const deadline = started + opts.maxMs;

  const worker = async () => {
    while (next < total) {
      if (performance.now() > deadline) {
        stoppedByDeadline = true;
        return;
      }
      const question = opts.questions[next++ % opts.questions.length];
      const t0 = performance.now();
      attempts++;
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question }),
          signal: AbortSignal.timeout(opts.requestTimeoutMs ?? 10_000),
        });
        const body = await res.text(); // the latency includes the whole body
        latenciesMs.push(performance.now() - t0);
        if (res.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${res.status} for "${question}": ${body.slice(0, 200)}`);
        }
      } catch (err) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${(err as Error).name}: ${(err as Error).message} for "${question}"`);
      }
      opts.onRequest?.();
    }
  };

  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const wallMs = performance.now() - started;
  return { latenciesMs, requests: attempts, errors, errorSamples, wallMs, reqPerSec: (attempts / wallMs) * 1000, stoppedByDeadline };
}
