import type { QaEngine } from '../answer/engine.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A plain landing page naming the documents and the API; the chat UI and widget are served from web/. */
export function renderHomePage(engine: QaEngine): string {
  const docs = engine.documents.map((d) => `<li>《${escapeHtml(d.entry.title)}》: ${d.chunks.length} passages</li>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>武进区政策智能问答</title></head>
<body><main><h1>武进区政策智能问答 API</h1><p>Retrieval: ${escapeHtml(engine.retriever.mode)}</p><ul>${docs}</ul>
<p>POST /api/ask · GET /api/search?q= · GET /api/docs · GET /api/docs/:id · GET /healthz</p></main></body></html>`;
}
