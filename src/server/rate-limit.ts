/** Per-client request limits: an in-memory window on Node; Workers plug in their own limiter (same interface). */
export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number };

export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

/**
 * A fixed one-minute window per key. Old windows are dropped as they expire, so memory stays bounded by the
 * clients of the last minute.
 */
export class MinuteWindowLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<RateDecision> {
    const now = this.now();
    this.sweep(now);
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      this.windows.set(key, { start: now, count: 1 });
      return { ok: true };
    }
    if (w.count >= this.perMinute) return { ok: false, retryAfterSec: Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000)) };
    w.count++;
    return { ok: true };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }
}
