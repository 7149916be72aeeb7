/**
 * The HTTP API contract, runnable against any runtime that serves the app: pass a getter for its base URL
 * (read lazily, inside the tests, so the server may be started in a beforeAll).
 */
import { describe, expect, it } from 'vitest';
import { ask, getJson, isErrorBody, postJson, postRaw, type HttpResult } from './http.js';
import { MALFORMED } from './malformed-requests.js';

export interface ApiSuiteOptions {
  /** Retrieval mode the server under test runs in (default 'lexical'). */
  mode?: 'lexical' | 'hybrid';
}

const GDP_Q = '2025年武进区地区生产总值是多少？';
const DOC_IDS = ['work-report-2026', 'plan-15th-fyp'];

function expectJsonError(res: HttpResult, status: number, code: string, messageMatches: RegExp[] = []): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(isErrorBody(res.body), res.text).toBe(true);
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message']);
  expect(res.body.error.code).toBe(code);
  for (const re of messageMatches) expect(res.body.error.message).toMatch(re);
}

export function apiSuite(getBaseUrl: () => string, options: ApiSuiteOptions = {}): void {
  const mode = options.mode ?? 'lexical';
  const base = () => getBaseUrl();

  describe('GET /healthz', () => {
    it('reports status, corpus size, mode and retrievers', async () => {
      const res = await getJson(base(), '/healthz');
      expect(res.status).toBe(200);
      const h = res.body;
      expect(h.status).toBe('ok');
      expect(h.documents).toBe(2);
      expect(h.chunks).toBeGreaterThan(300);
      expect(h.mode).toBe(mode);
      expect(h.retrievers.lexical.active).toBe(true);
      if (mode === 'lexical') {
        expect(h.retrievers.dense.active).toBe(false);
        expect(typeof h.retrievers.dense.detail).toBe('string');
        expect(h.retrievers.dense.detail.length).toBeGreaterThan(0);
      } else {
        expect(h.retrievers.dense.active).toBe(true);
      }
    });
  });

  describe('POST /api/ask — explain', () => {
    it('returns the ranked passages with scores only when asked, the cited passage among them', async () => {
      const plain = await ask(base(), { question: GDP_Q });
      expect(plain.body).not.toHaveProperty('passages');
      const res = await ask(base(), { question: GDP_Q, explain: true });
      expect(res.status).toBe(200);
      const passages = res.body.passages as { chunkId: string; score: number; text: string; lexicalRank?: number }[];
      expect(passages.length).toBeGreaterThanOrEqual(5);
      const scores = passages.map((p) => p.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(passages.map((p) => p.chunkId)).toContain(res.body.citations[0].chunkId);
      expect(passages.some((p) => p.text.includes('3570亿元'))).toBe(true);
      expect(typeof passages[0]!.lexicalRank).toBe('number');
    });

    it('rejects a non-boolean explain with 400 naming the field', async () => {
      const res = await postJson(base(), '/api/ask', { question: GDP_Q, explain: 'yes' });
      expectJsonError(res, 400, 'invalid_request', [/explain/]);
    });
  });

  describe('POST /api/ask — answers', () => {
    it('answers the 2025 GDP with the verbatim figure and a citation that jumps to the source', async () => {
      const res = await ask(base(), { question: GDP_Q });
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r.found).toBe(true);
      expect(r.answer).toContain('3570亿元');
      expect(r.figures[0].value).toBe('3570亿元');
      expect(r.mode).toBe(mode);
      expect(typeof r.tookMs).toBe('number');
      expect(r).not.toHaveProperty('script');

      const c = r.citations[0];
      expect(c.docId).toBe('work-report-2026');
      expect(c.docTitle).toBe('2026年武进区政府工作报告');
      expect(c.section).toContain('2025年及“十四五”工作回顾');
      expect(c.text).toContain('3570亿元');
      expect(typeof c.start).toBe('number');
      expect(typeof c.end).toBe('number');
      expect(c.end).toBeGreaterThan(c.start);

      const doc = await getJson(base(), '/api/docs/work-report-2026');
      expect(doc.status).toBe(200);
      expect(doc.body.id).toBe('work-report-2026');
      expect(doc.body.text.slice(c.start, c.end)).toBe(c.text);
    });

    it('answers a plan target from the plan outline', async () => {
      const res = await ask(base(), { question: '到2030年武进区林木覆盖率目标是多少？' });
      expect(res.status).toBe(200);
      expect(res.body.found).toBe(true);
      expect(res.body.answer).toContain('26.5左右（含常州经开区）');
      expect(res.body.citations[0].docId).toBe('plan-15th-fyp');
    });

    it('resolves a follow-up question through history', async () => {
      const res = await ask(base(), {
        question: '那一般公共预算收入呢？',
        history: [
          { role: 'user', content: GDP_Q },
          { role: 'assistant', content: '根据《2026年武进区政府工作报告》：全年预计完成地区生产总值3570亿元。' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.found).toBe(true);
      expect(res.body.answer).toContain('225亿元');
    });

    it('restricts citations to the documents in `docs`', async () => {
      const res = await ask(base(), { question: '高新技术企业', docs: ['plan-15th-fyp'] });
      expect(res.status).toBe(200);
      expect(res.body.citations.length).toBeGreaterThan(0);
      for (const c of res.body.citations) expect(c.docId).toBe('plan-15th-fyp');
    });

    it('refuses a question about another place without guessing a figure', async () => {
      const res = await ask(base(), { question: '苏州市2025年地区生产总值是多少？' });
      expect(res.status).toBe(200);
      expect(res.body.found).toBe(false);
      expect(res.body.figures).toEqual([]);
      expect(res.body.answer).not.toContain('亿元');
      expect(res.body.answer).not.toMatch(/\d+(\.\d+)?\s*(亿|万)/);
    });

    it('answers a Traditional Chinese question in Traditional characters', async () => {
      const res = await ask(base(), { question: '武進區2026年地區生產總值增長目標是多少？' });
      expect(res.status).toBe(200);
      expect(res.body.found).toBe(true);
      expect(res.body.answer).toContain('5.5%左右');
      expect(res.body.answer).toMatch(/報告|區/);
    });

    it('answers an English question in English with the verbatim figure', async () => {
      const res = await ask(base(), { question: "What was Wujin's GDP in 2025?" });
      expect(res.status).toBe(200);
      expect(res.body.found).toBe(true);
      expect(res.body.answer.startsWith('According to')).toBe(true);
      expect(res.body.answer).toContain('3570亿元');
    });
  });

  describe('POST /api/ask — bad requests', () => {
    const okTurn = { role: 'user', content: GDP_Q };

    it('400 invalid_json for malformed JSON', async () => {
      expectJsonError(await postRaw(base(), '/api/ask', '{bad'), 400, 'invalid_json', [/JSON/]);
    });

    it('400 for a JSON array, a JSON string and null as the body', async () => {
      expectJsonError(await postRaw(base(), '/api/ask', '[{"question":"武进"}]'), 400, 'invalid_request', [/body/]);
      expectJsonError(await postRaw(base(), '/api/ask', '"2025年武进区地区生产总值是多少？"'), 400, 'invalid_request', [/body/]);
      expectJsonError(await postRaw(base(), '/api/ask', 'null'), 400, 'invalid_request', [/body/]);
    });

    it('400 naming `question` when it is missing, not a string, empty, blank, too long, malformed or punctuation only', async () => {
      expectJsonError(await postJson(base(), '/api/ask', {}), 400, 'invalid_request', [/question/]);
      expectJsonError(await postJson(base(), '/api/ask', { question: 42 }), 400, 'invalid_request', [/question/]);
      expectJsonError(await postJson(base(), '/api/ask', { question: '' }), 400, 'invalid_request', [/question/]);
      expectJsonError(await postJson(base(), '/api/ask', { question: ' \t\n　 ' }), 400, 'invalid_request', [/question/]);
      expectJsonError(await postJson(base(), '/api/ask', { question: '武'.repeat(501) }), 400, 'invalid_request', [/question/, /500/]);
      expectJsonError(await postRaw(base(), '/api/ask', '{"question":"\\ud800abc"}'), 400, 'invalid_request', [/question/]);
      expectJsonError(await postJson(base(), '/api/ask', { question: '？？？' }), 400, 'invalid_request', [/question/]);
    });

    it('accepts a 500-character question (the limit is inclusive)', async () => {
      const res = await ask(base(), { question: `${'武进区地区生产总值'.repeat(55)}？？？？？`.slice(0, 500) });
      expect(res.status).toBe(200);
    });

    it('400 naming `history` for a non-array, a bad role, too many turns or non-string content', async () => {
      expectJsonError(await ask(base(), { question: GDP_Q, history: 'hi' }), 400, 'invalid_request', [/history/]);
      expectJsonError(await ask(base(), { question: GDP_Q, history: [{ role: 'system', content: 'x' }] }), 400, 'invalid_request', [
        /history\.0\.role/,
      ]);
      expectJsonError(await ask(base(), { question: GDP_Q, history: Array.from({ length: 21 }, () => okTurn) }), 400, 'invalid_request', [
        /history/,
        /20/,
      ]);
      expectJsonError(await ask(base(), { question: GDP_Q, history: [{ role: 'user', content: 42 }] }), 400, 'invalid_request', [
        /history\.0\.content/,
      ]);
    });

    it('accepts exactly 20 history turns', async () => {
      const res = await ask(base(), { question: GDP_Q, history: Array.from({ length: 20 }, () => okTurn) });
      expect(res.status).toBe(200);
    });

    it('400 naming `docs` for an unknown id or a non-array', async () => {
      expectJsonError(await ask(base(), { question: GDP_Q, docs: ['nope'] }), 400, 'invalid_request', [/docs/, /unknown document id/]);
      expectJsonError(await ask(base(), { question: GDP_Q, docs: 'plan-15th-fyp' }), 400, 'invalid_request', [/docs/]);
    });

    it('415 for a non-JSON content type', async () => {
      expectJsonError(await postRaw(base(), '/api/ask', JSON.stringify({ question: GDP_Q }), 'text/plain'), 415, 'unsupported_media_type');
    });

    it('413 for a 20 KB body', async () => {
      const raw = JSON.stringify({ question: 'a'.repeat(20 * 1024) });
      expect(Buffer.byteLength(raw)).toBeGreaterThan(20 * 1024);
      expectJsonError(await postRaw(base(), '/api/ask', raw), 413, 'payload_too_large');
    });
  });

  describe('not found', () => {
    it('404 JSON for an unknown route', async () => {
      expectJsonError(await getJson(base(), '/api/nope'), 404, 'not_found', [/\/api\/nope/]);
    });

    it('404 JSON for an unknown document id', async () => {
      expectJsonError(await getJson(base(), '/api/docs/unknown'), 404, 'not_found', [/unknown/]);
    });
  });

  describe('GET /api/search', () => {
    it('400 naming `q` when it is missing', async () => {
      expectJsonError(await getJson(base(), '/api/search'), 400, 'invalid_request', [/\bq\b/]);
    });

    it('400 naming `k` for k=0 and k=abc', async () => {
      const q = encodeURIComponent('低保');
      expectJsonError(await getJson(base(), `/api/search?q=${q}&k=0`), 400, 'invalid_request', [/\bk\b/]);
      expectJsonError(await getJson(base(), `/api/search?q=${q}&k=abc`), 400, 'invalid_request', [/\bk\b/]);
    });

    it('returns at most k scored passages with offsets', async () => {
      const res = await getJson(base(), `/api/search?q=${encodeURIComponent('低保')}&k=3`);
      expect(res.status).toBe(200);
      expect(res.body.query).toBe('低保');
      const results = res.body.results;
      expect(Array.isArray(results)).toBe(true);
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(3);
      for (const r of results) {
        expect(DOC_IDS).toContain(r.docId);
        expect(typeof r.section).toBe('string');
        expect(typeof r.text).toBe('string');
        expect(typeof r.start).toBe('number');
        expect(typeof r.end).toBe('number');
        expect(r.end).toBeGreaterThan(r.start);
        expect(typeof r.score).toBe('number');
      }
      expect(results.some((r: { text: string }) => r.text.includes('低保'))).toBe(true);
    });
  });

  describe('GET /api/docs', () => {
    it('lists both documents with their sections', async () => {
      const res = await getJson(base(), '/api/docs');
      expect(res.status).toBe(200);
      const docs = res.body.documents;
      expect(docs).toHaveLength(2);
      expect(docs.map((d: { id: string }) => d.id).sort()).toEqual([...DOC_IDS].sort());
      for (const d of docs) {
        expect(typeof d.id).toBe('string');
        expect(typeof d.title).toBe('string');
        expect(d.title.length).toBeGreaterThan(0);
        expect(Array.isArray(d.sections)).toBe(true);
        expect(d.sections.length).toBeGreaterThan(0);
        for (const s of d.sections) {
          expect(Array.isArray(s.path)).toBe(true);
          expect(typeof s.start).toBe('number');
          expect(typeof s.end).toBe('number');
          expect(s.end).toBeGreaterThanOrEqual(s.start);
        }
      }
    });
  });

  describe('POST /api/feedback', () => {
    it('stores a five-level rating with a comment for a logged answer: 201 with an id', async () => {
      const answer = await ask(base(), { question: GDP_Q, interface: 'widget' });
      expect(typeof answer.body.id).toBe('string');
      const res = await postJson(base(), '/api/feedback', { answerId: answer.body.id, rating: 4, comment: '数字清楚' });
      expect(res.status, res.text).toBe(201);
      expect(res.body.accepted).toBe(true);
      expect(typeof res.body.id).toBe('string');
      expect(res.body.id).not.toBe(answer.body.id);
    });

    it('404 for a rating of an answer that was never logged', async () => {
      expectJsonError(await postJson(base(), '/api/feedback', { answerId: 'no-such-answer', rating: 5 }), 404, 'not_found', [/no-such-answer/]);
    });

    it('400 naming the field for a rating outside 1–5, a fractional or string rating, no answer id or a 501-character comment', async () => {
      const cases: [unknown, RegExp][] = [
        [{ answerId: 'a', rating: 0 }, /^rating: must be 1/],
        [{ answerId: 'a', rating: 6 }, /^rating: must be 1/],
        [{ answerId: 'a', rating: 4.5 }, /^rating:/],
        [{ answerId: 'a', rating: '5' }, /^rating:/],
        [{ rating: 5 }, /^answerId:/],
        [{ answerId: 'a', rating: 5, comment: '好'.repeat(501) }, /^comment: must be at most 500/],
      ];
      for (const [body, message] of cases) expectJsonError(await postJson(base(), '/api/feedback', body), 400, 'invalid_request', [message]);
    });

    it('400 invalid_json for a malformed body and 415 for a form post', async () => {
      expectJsonError(await postRaw(base(), '/api/feedback', '{"rating":'), 400, 'invalid_json');
      expectJsonError(await postRaw(base(), '/api/feedback', 'rating=5', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    });
  });

  describe('web pages', () => {
    const get = (path: string) => fetch(`${base()}${path}`);
    it('serves the staff page, the demo host page, the source view and the widget script', async () => {
      for (const [path, type, contains] of [
        ['/', /^text\/html/, 'id="ask-form"'],
        ['/embed-demo', /^text\/html/, 'src="/widget.js"'],
        ['/docs/plan-15th-fyp', /^text\/html/, 'id="content"'],
        ['/widget.js', /^text\/javascript/, 'wujin-qa-widget'],
        ['/assets/app.css', /^text\/css/, 'mark.figure'],
      ] as const) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type') ?? '', path).toMatch(type);
        expect(await res.text(), path).toContain(contains);
      }
    });

    it('404 for an unknown document page and an unknown asset, never another file', async () => {
      expect((await get('/docs/no-such-doc')).status).toBe(404);
      for (const path of ['/assets/nope.js', '/assets/..%2Fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).not.toContain('"dependencies"');
      }
    });
  });

  describe(`${MALFORMED.length} malformed and abusive requests`, () => {
    it('each gets its exact 4xx and JSON error code, never a 5xx', async () => {
      const got: string[] = [];
      for (const m of MALFORMED) {
        const res = await fetch(`${base()}${m.path}`, { method: m.method, headers: m.headers ?? {}, ...(m.body !== undefined ? { body: m.body } : {}) });
        const text = await res.text();
        let code = '';
        try {
          code = JSON.parse(text).error.code;
        } catch {
          code = `(not JSON: ${text.slice(0, 60)})`;
        }
        got.push(`${m.name}: ${res.status} ${code}`);
      }
      expect(got).toEqual(MALFORMED.map((m) => `${m.name}: ${m.status} ${m.code}`));
    });
  });

  describe('resilience', () => {
    it('is still healthy after all the bad requests', async () => {
      const res = await getJson(base(), '/healthz');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });
  });
}
