import type { Context, Hono, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import { z } from 'zod';
import { toCsv } from '../store/csv.js';
import type { ExportTable, QaStore } from '../store/types.js';
import { errorResponse } from './errors.js';
import { describeZodError } from './schemas.js';

export interface AdminOptions {
  token?: string;
  store: QaStore;
  /** Swaps in a freshly built engine and index; resolves with what was loaded. */
  reindex?: () => Promise<Record<string, unknown>>;
  now?: () => number;
}

const statsQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(30),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
const exportQuery = z.object({ table: z.enum(['questions', 'feedback']).default('questions') });
const EXPORT_COLUMNS: Record<ExportTable, string[]> = {
  questions: ['id', 'asked_at', 'question', 'found', 'top_citations', 'latency_ms', 'interface'],
  feedback: ['id', 'question_id', 'given_at', 'rating', 'comment', 'question'],
};

/** Bearer token check: off (503, saying so) without ADMIN_TOKEN, 401 for a missing or wrong token. */
function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return errorResponse(c, 503, 'admin_disabled', 'admin routes are off: set ADMIN_TOKEN to turn them on');
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!(await timingSafeEqual(given, token))) {
      c.header('WWW-Authenticate', 'Bearer realm="admin"');
      return errorResponse(c, 401, 'unauthorized', given ? 'wrong admin token' : 'send the admin token as "Authorization: Bearer <token>"');
    }
    await next();
  };
}

const isoTimes = (rows: Record<string, unknown>[], keys: string[]) =>
  rows.map((r) => ({ ...r, ...Object.fromEntries(keys.filter((k) => typeof r[k] === 'number').map((k) => [k, new Date(r[k] as number).toISOString()])) }));

/** Staff analytics (JSON and CSV) and the zero-downtime reindex; the /admin page itself is public, its data is not. */
export function mountAdminRoutes(app: Hono, opts: AdminOptions): void {
  const auth = requireToken(opts.token);
  const now = opts.now ?? Date.now;

  app.get('/api/admin/stats', auth, async (c) => {
    const q = statsQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 400, 'invalid_request', describeZodError(q.error));
    return c.json(await opts.store.stats({ ...q.data, now: now() }));
  });

  app.get('/api/admin/export.csv', auth, async (c: Context) => {
    const q = exportQuery.safeParse(c.req.query());
    if (!q.success) return errorResponse(c, 400, 'invalid_request', describeZodError(q.error));
    const rows = isoTimes(await opts.store.exportRows(q.data.table), ['asked_at', 'given_at']);
    const day = new Date(now()).toISOString().slice(0, 10);
    return c.body(`\uFEFF${toCsv(rows, EXPORT_COLUMNS[q.data.table])}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="wujin-qa-${q.data.table}-${day}.csv"`,
    });
  });

  app.post('/api/admin/reindex', auth, async (c) => {
    if (!opts.reindex) return errorResponse(c, 503, 'unavailable', 'this runtime cannot rebuild its index');
    return c.json({ reindexed: true, ...(await opts.reindex()) });
  });
}
