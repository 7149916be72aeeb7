/** /docs/:id: the cleaned document, scrolled to a cited passage (?start=&end=) with its figure (?hl=) marked. */
import { ApiError, createApi } from '../shared/api.js';
import { clear, h } from '../shared/dom.js';
import { rangeFromQuery, renderDocument, renderOutline } from './source-view.js';

const api = createApi(location.origin);
const main = document.getElementById('content')!;
const nav = document.getElementById('outline')!;
const heading = document.getElementById('doc-title')!;
const id = decodeURIComponent(location.pathname.replace(/^\/docs\//, '').replace(/\/+$/, ''));

async function show(): Promise<void> {
  try {
    const doc = await api.document(id);
    document.title = `${doc.title} · 原文`;
    heading.textContent = doc.title;
    const range = rangeFromQuery(location.search);
    clear(main);
    main.append(renderDocument(doc, range));
    nav.append(renderOutline(doc));
    const target = range ? document.getElementById('passage') : location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      if (target.id === 'passage') target.focus({ preventScroll: true });
    }
  } catch (err) {
    clear(main);
    const message = err instanceof ApiError && err.status === 404 ? `没有这份文件：${id}` : `文件加载失败：${err instanceof Error ? err.message : String(err)}`;
    main.append(h('p', { role: 'alert', class: 'error' }, message));
  }
}

void show();
