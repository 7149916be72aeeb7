import { zValidator } from '@hono/zod-validator';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { QaEngine } from '../answer/engine.js';
import { errorResponse } from './errors.js';
import { askSchema, describeZodError, feedbackSchema, searchQuerySchema, type FeedbackInput } from './schemas.js';
import type { AssetSource } from './web-assets.js';
import { mountWebRoutes } from './web-routes.js';

export const MAX_BODY_BYTES = 16 * 1024;

/** The engine the app answers with; a getter so that a rebuilt engine can be swapped in without a restart. */
export type EngineSource = () => QaEngine;

function validationHook(result: { success: boolean; error?: unknown }, c: Context) {
  if (!result.success) return errorResponse(c, 400, 'invalid_request', describeZodError(result.error as never));
}

export interface AppOptions {
  /** The built web pages and widget (web/dist); without it only the API is served. */
  assets?: AssetSource;
  /** Where accepted ratings go (the question log, once there is one); they are always logged. */
  onFeedback?: (feedback: FeedbackInput & { id: string }) => void;
}

/** The JSON body, or the 400 that says it is not JSON. */
async function jsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false, response: errorResponse(c, 400, 'invalid_json', 'request body is not valid JSON') };
  }
}

export function createApp(engineOf: EngineSource, options: AppOptions = {}): Hono {
  const app = new Hono();
  const docIds = () => engineOf().documents.map((d) => d.entry.id);

  app.use('*', requestId());

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const malformed = err.status === 400 && /json/i.test(err.message);
      return errorResponse(c, 400 <= err.status && err.status < 500 ? (err.status as 400) : 500, malformed ? 'invalid_json' : 'invalid_request', malformed ? 'request body is not valid JSON' : err.message);
    }
    console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: String(err) }));
    return errorResponse(c, 500, 'internal_error', 'internal error');
  });
  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

  if (options.assets) mountWebRoutes(app, options.assets, (id) => engineOf().byDoc.has(id));

  app.get('/healthz', (c) => {
    const engine = engineOf();
    return c.json({
      status: 'ok',
      documents: engine.documents.length,
      chunks: engine.chunks.length,
      mode: engine.retriever.mode,
      retrievers: engine.status,
      corpusHash: engine.corpusHash,
    });
  });

  const jsonOnly = async (c: Context, next: () => Promise<void>) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) return errorResponse(c, 415, 'unsupported_media_type', 'send the request body as application/json');
    await next();
  };
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, 'payload_too_large', `request body exceeds ${MAX_BODY_BYTES} bytes`),
  });

  app.post('/api/ask', limit, jsonOnly, async (c) => {
    const read = await jsonBody(c);
    if (!read.ok) return read.response;
    const parsed = askSchema(docIds()).safeParse(read.body);
    if (!parsed.success) return errorResponse(c, 400, 'invalid_request', describeZodError(parsed.error));
    const { question, history, docs, explain } = parsed.data;
    const result = await engineOf().answer(question, { history, docs, explain });
    const { script: _script, reason: _reason, ...payload } = result;
    // The id lets a rating (POST /api/feedback) name the answer it rates.
    return c.json({ id: c.get('requestId'), ...payload, ...(result.reason ? { reason: result.reason } : {}) });
  });

  app.post('/api/feedback', limit, jsonOnly, async (c) => {
    const read = await jsonBody(c);
    if (!read.ok) return read.response;
    const parsed = feedbackSchema.safeParse(read.body);
    if (!parsed.success) return errorResponse(c, 400, 'invalid_request', describeZodError(parsed.error));
    const feedback = { ...parsed.data, id: c.get('requestId') };
    console.log(JSON.stringify({ level: 'info', event: 'feedback', requestId: feedback.id, rating: feedback.rating, interface: feedback.interface, answerId: feedback.answerId, hasComment: Boolean(feedback.comment) }));
    options.onFeedback?.(feedback);
    return c.json({ accepted: true, id: feedback.id }, 202);
  });

  app.get('/api/search', zValidator('query', searchQuerySchema, validationHook), async (c) => {
    const { q, k } = c.req.valid('query');
    const hits = await engineOf().search(q, k);
    return c.json({
      query: q,
      results: hits.map((h) => ({
        chunkId: h.chunk.metadata.id,
        docId: h.chunk.metadata.docId,
        docTitle: h.chunk.metadata.docTitle,
        section: h.chunk.metadata.section.join(' > '),
        kind: h.chunk.metadata.kind,
        text: h.chunk.pageContent,
        start: h.chunk.metadata.start,
        end: h.chunk.metadata.end,
        score: Math.round(h.score * 1000) / 1000,
      })),
    });
  });

  app.get('/api/docs', (c) =>
    c.json({
      documents: engineOf().documents.map((d) => ({
        ...d.entry,
        chars: d.cleaned.length,
        chunks: d.chunks.length,
        sections: d.sections.map((s) => ({ title: s.title, path: s.path, level: s.level, start: s.start, end: s.end })),
      })),
    }),
  );

  app.get('/api/docs/:id', (c) => {
    const doc = engineOf().byDoc.get(c.req.param('id'));
    if (!doc) return errorResponse(c, 404, 'not_found', `unknown document id "${c.req.param('id')}" (known: ${docIds().join(', ')})`);
    return c.json({
      ...doc.entry,
      text: doc.cleaned,
      sections: doc.sections,
      chunks: doc.chunks.map((ch) => ({ id: ch.metadata.id, kind: ch.metadata.kind, section: ch.metadata.section, start: ch.metadata.start, end: ch.metadata.end })),
    });
  });

  return app;
}
