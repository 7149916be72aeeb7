/** Memory readings: a 20 ms RSS sampler for this process and /proc high-water marks for any process. */
import { readFileSync } from 'node:fs';

export const MB = 1024 * 1024;

/**
 * Samples this process's RSS on a timer. Timers do not fire while synchronous work runs, so callers
 * also call sample() between work items; VmHWM (below) is the kernel's exact peak to compare against.
 */
export class RssSampler {
  peak = 0;
  private timer?: NodeJS.Timeout;

  start(intervalMs = 20): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref(); // never keeps the bench alive
    return this;
  }

  sample(): void {
    const rss = process.memoryUsage.rss(); // cheap: no heap statistics
    if (rss > this.peak) this.peak = rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** VmHWM / VmRSS of a process in bytes from /proc (Linux); undefined elsewhere or once it has exited. */
export function procMemory(pid: number | 'self' = 'self'): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const hwm = kb('VmHWM');
    const rss = kb('VmRSS');
    return Number.isFinite(hwm) ? { hwm, rss } : undefined;
  } catch {
    return undefined;
  }
}
