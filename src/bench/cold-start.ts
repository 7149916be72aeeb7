/** Spawns cold-start-child.ts in a fresh node process and times spawn → first answer from the outside. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Prefix of the child's single result line on stdout (anything else it prints is ignored). */
export const RESULT_MARKER = 'BENCH_COLD_START ';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));

export type ColdMode = 'lexical' | 'default';

export interface ChildReport {
  mode: ColdMode;
  retrieval: string;
  dense: { active: boolean; modelId?: string; detail: string };
  found: boolean;
  bootMs: number;
  importMs: number;
  buildMs: number;
  answerMs: number;
  sinceProcessStartMs: number;
  peakRssBytes: number;
}

export interface ColdStartRun {
  /** Parent's clock: spawn() call → result line received. */
  wallMs: number;
  child: ChildReport;
}

/** One cold start; rejects on a non-zero exit, a missing result line, or after timeoutMs (child killed). */
export function coldStartOnce(mode: ColdMode, question: string, timeoutMs = 20_000): Promise<ColdStartRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // node --import tsx, not `npx tsx`: npx adds its own start-up and a wrapper process to the timing.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, question], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let out = '';
    let err = '';
    let result: ColdStartRun | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cold start (${mode}) exceeded ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (line && !result) result = { wallMs: performance.now() - started, child: JSON.parse(line.slice(RESULT_MARKER.length)) as ChildReport };
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`cold start (${mode}) exited with ${code}${result ? '' : ', no result line'}: ${err.trim().slice(-500)}`));
    });
  });
}
