/** The assistant's HTTP API as the pages and the widget use it; the answer shapes are the engine's own. */
import type { AnswerResult, Citation } from '../../../src/answer/types.js';
import type { ChatTurn } from '../../../src/retrieve/analyze-question.js';
import type { FeedbackBody } from '../../../src/server/schemas.js';

export type { Citation, Figure, RankedPassage } from '../../../src/answer/types.js';
/** POST /api/ask's body: the engine's result with the request id, without the internal script tag. */
export type AskResult = Omit<AnswerResult, 'script'> & { id?: string };
export type { ChatTurn };
export type Interface = 'staff' | 'widget';
export interface DocSection {
  title: string;
  path: string[];
  level: number;
  start: number;
  end: number;
}
export interface DocSummary {
  id: string;
  title: string;
  sections: DocSection[];
}
export interface DocText extends DocSummary {
  text: string;
}

/** Server limits (src/server/schemas.ts): history turns and characters per turn. */
export const MAX_HISTORY_TURNS = 20;
export const MAX_TURN_CHARS = 2000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

const postJson = <T>(url: string, payload: unknown) =>
  call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

/** The last turns, each within the server's limits, so that a long conversation never gets a 400. */
export function boundedHistory(turns: ChatTurn[]): ChatTurn[] {
  return turns.slice(-MAX_HISTORY_TURNS).map((t) => ({ role: t.role, content: t.content.slice(0, MAX_TURN_CHARS) }));
}

export function createApi(base: string) {
  const root = base.replace(/\/+$/, '');
  return {
    root,
    ask: (question: string, history: ChatTurn[], opts: { interface: Interface; explain?: boolean }) =>
      postJson<AskResult>(`${root}/api/ask`, { question, history: boundedHistory(history), ...opts }),
    feedback: (input: FeedbackBody) => postJson<{ accepted: boolean; id: string }>(`${root}/api/feedback`, input),
    documents: () => call<{ documents: DocSummary[] }>(`${root}/api/docs`),
    document: (id: string) => call<DocText>(`${root}/api/docs/${encodeURIComponent(id)}`),
    /** The cleaned document scrolled to a passage, with a figure highlighted in it. */
    sourceUrl: (c: Pick<Citation, 'docId' | 'start' | 'end'>, figure?: string) => {
      const q = new URLSearchParams({ start: String(c.start), end: String(c.end) });
      if (figure) q.set('hl', figure);
      return `${root}/docs/${encodeURIComponent(c.docId)}?${q}`;
    },
  };
}
export type Api = ReturnType<typeof createApi>;
