import { zValidator } from '@hono/zod-validator';
import type { Context, Hono } from 'hono';
import { errorResponse } from './errors.js';
import { describeZodError, searchQuerySchema } from './schemas.js';
import type { EngineSource } from './app.js';

function validationHook(result: { success: boolean; error?: unknown }, c: Context) {
  if (!result.success) return errorResponse(c, 400, 'invalid_request', describeZodError(result.error as never));
}

/** What the engine holds: its health, passage search and the cleaned documents with their sections. */
export function mountContentRoutes(app: Hono, engineOf: EngineSource): void {
  const docIds = () => engineOf().documents.map((d) => d.entry.id);

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
}
