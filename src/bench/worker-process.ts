/** `npm run worker:dev` (wrangler dev, local workerd) in a child process on a free port, with a fresh local D1. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cold-start.js';

export interface WorkerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** The workerd process serving the Worker (for /proc memory readings). */
  workerdPid(): number | undefined;
  stop(): Promise<void>;
}

/** Processes of a process group whose command name is `name`, from /proc (Linux). */
function pidsInGroup(pgid: number, name: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state, ppid, pgrp, …
      if (comm === name && Number(fields[2]) === pgid) out.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/**
 * Resolves once wrangler says the runtime is ready, before any request (the Worker builds its engine on the first
 * one, so memory read now is the idle runtime's). `vars` become wrangler --var settings (e.g. RATE_LIMIT_PER_MIN:0).
 */
export async function startWorkerProcess(vars: string[], extraEnv: Record<string, string> = {}, timeoutMs = 180_000): Promise<WorkerProcess> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'wujin-d1-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker-dev.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKER_STATE_DIR: state, WORKER_VARS: vars.join(' '), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: wrangler starts workerd, and both must go when the test ends
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    if (new RegExp(`Ready on http://127\\.0\\.0\\.1:${port}`).test(text)) {
      return { url, child, output: () => text, workerdPid: () => pidsInGroup(child.pid!, 'workerd')[0], stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`worker did not start (${gone ? 'exited' : 'timed out'}):\n${text}`);
}
