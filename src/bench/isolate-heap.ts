/**
 * The Worker isolate's own memory, read through the V8 inspector wrangler dev exposes (Chrome DevTools protocol):
 * JS heap in use plus ArrayBuffer backing stores (where WebAssembly memory lives): what Workers counts against its
 * 128 MB per-isolate limit, without the rest of the workerd process.
 */
import WebSocket from 'ws';

export interface IsolateHeap {
  usedMB: number;
  backingMB: number;
  totalMB: number;
}

const MB = 1024 * 1024;

/**
 * `collect` first takes a heap snapshot, which makes V8 run a full collection (the protocol's collectGarbage gets no
 * reply from workerd): the figures are then the live heap, not the heap with the garbage of past requests.
 */
export async function isolateHeap(inspectorPort: number, opts: { collect?: boolean; timeoutMs?: number } = {}): Promise<IsolateHeap> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const ws = new WebSocket(`ws://127.0.0.1:${inspectorPort}/ws`);
  const pending = new Map<number, (result: Record<string, number>) => void>();
  let next = 0;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: Record<string, number> };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result ?? {});
  });
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error(`inspector: no reply to ${method}`)), timeoutMs);
      pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      ws.send(JSON.stringify({ id, method }));
    });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    if (opts.collect) await call('HeapProfiler.takeHeapSnapshot'); // its chunks arrive as events and are dropped
    const u = await call('Runtime.getHeapUsage');
    const used = (u.usedSize ?? 0) + (u.embedderHeapUsedSize ?? 0);
    const backing = u.backingStorageSize ?? 0;
    return { usedMB: used / MB, backingMB: backing / MB, totalMB: (used + backing) / MB };
  } finally {
    ws.close();
  }
}
