import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hashClient, normaliseQuestion } from '../store/normalise-question.js';
import type { QaStore } from '../store/types.js';
import type { EngineSource } from './app.js';
import { errorResponse } from './errors.js';
import { MAX_BODY_BYTES } from './limits.js';
import type { LogSink } from './request-log.js';
import { askSchema, describeZodError, feedbackSchema } from './schemas.js';

export interface AskRouteOptions {
  store: QaStore;
  clientAddress: (c: Context) => string;
  /** The per-client rate limit, run before the body is read. */
  limited: MiddlewareHandler;
  log: LogSink;
}

/** The JSON body, or the 400 that says it is not JSON. */
async function jsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false, response: errorResponse(c, 400, 'invalid_json', 'request body is not valid JSON') };
  }
}

const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return errorResponse(c, 415, 'unsupported_media_type', 'send the request body as application/json');
  await next();
};

/** POST /api/ask (answered, then logged) and POST /api/feedback (a rating of a logged answer). */
export function mountAskRoutes(app: Hono, engineOf: EngineSource, opts: AskRouteOptions): void {
  const { store, log } = opts;
  const docIds = () => engineOf().documents.map((d) => d.entry.id);
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
      c.header('Connection', 'close');
      return errorResponse(c, 413, 'payload_too_large', `request body exceeds ${MAX_BODY_BYTES} bytes`);
    },
  });
  let salt: Promise<string> | undefined;
  const clientHash = async (c: Context) => hashClient(opts.clientAddress(c), await (salt ??= store.salt()));

  app.post('/api/ask', opts.limited, limit, jsonOnly, async (c) => {
    const read = await jsonBody(c);
    if (!read.ok) return read.response;
    const parsed = askSchema(docIds()).safeParse(read.body);
    if (!parsed.success) return errorResponse(c, 400, 'invalid_request', describeZodError(parsed.error));
    const { question, history, docs, explain } = parsed.data;
    const result = await engineOf().answer(question, { history, docs, explain });
    // The id lets a rating (POST /api/feedback) name the answer it rates.
    const id = c.get('requestId');
    try {
      await store.logQuestion({
        id,
        askedAt: Date.now(),
        question: normaliseQuestion(question),
        found: result.found,
        topCitations: result.citations.slice(0, 3).map((ci) => ci.chunkId),
        latencyMs: result.tookMs,
        interface: parsed.data.interface,
        clientHash: await clientHash(c),
      });
    } catch (err) {
      // The citizen still gets the answer; the operator sees why the log missed it.
      log({ level: 'error', time: new Date().toISOString(), requestId: id, message: `question log write failed: ${String(err)}` });
    }
    const { script: _script, reason: _reason, ...payload } = result;
    return c.json({ id, ...payload, ...(result.reason ? { reason: result.reason } : {}) });
  });

  app.post('/api/feedback', opts.limited, limit, jsonOnly, async (c) => {
    const read = await jsonBody(c);
    if (!read.ok) return read.response;
    const parsed = feedbackSchema.safeParse(read.body);
    if (!parsed.success) return errorResponse(c, 400, 'invalid_request', describeZodError(parsed.error));
    const { answerId, rating, comment } = parsed.data;
    const id = c.get('requestId');
    const outcome = await store.addFeedback({ id, answerId, givenAt: Date.now(), rating: rating as 1 | 2 | 3 | 4 | 5, ...(comment ? { comment } : {}) });
    if (outcome === 'unknown-answer') return errorResponse(c, 404, 'not_found', `no logged answer with id "${answerId}" (a rating names the id POST /api/ask returned)`);
    return c.json({ accepted: true, id }, 201);
  });
}
