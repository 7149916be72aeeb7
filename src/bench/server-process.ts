/** Forks server-child.ts and hands back its URL and pid (for /proc memory readings), with a bounded close. */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './cold-start.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Node flags of the `start` script in package.json (everything before the entry file). */
const SERVER_NODE_FLAGS: string[] = (() => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(1, words.findIndex((w) => w.endsWith('.ts')));
})();

export interface ServerProcess {
  url: string;
  pid: number;
  mode: string;
  /** Parent's clock: fork → 'ready' message (engine built, socket listening). */
  readyWallMs: number;
  close(): Promise<void>;
}

export function startServerProcess(timeoutMs = 20_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The same Node flags as `npm start`, so the memory measured is the served one's.
    const child: ChildProcess = fork(CHILD, [], { cwd: REPO_ROOT, execArgv: SERVER_NODE_FLAGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server child not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited early with ${code}`)); // no-op once resolved
    });
    child.on('message', (msg: { type?: string; url?: string; mode?: string }) => {
      if (msg?.type !== 'ready' || !msg.url) return;
      clearTimeout(timer);
      resolve({
        url: msg.url,
        pid: child.pid!,
        mode: msg.mode ?? 'unknown',
        readyWallMs: performance.now() - started,
        close: () => closeChild(child),
      });
    });
  });
}

/** Asks politely over IPC, then SIGKILLs this child (by its own handle) if it has not exited in 3 s. */
function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.send({ type: 'close' });
    else child.kill('SIGTERM');
  });
}
