/** The assistant's HTTP API as the pages and the widget use it; the answer shapes are the engine's own. */
import type { AnswerResult, Citation } from '../../../src/answer/types.js';
import type { ChatTurn } from '../../../src/retrieve/analyze-question.js';
import { MAX_HISTORY_TURNS, MAX_TURN_CHARS } from '../../../src/server/limits.js';
import type { FeedbackBody } from '../../../src/server/schemas.js';
import type { Interface as LoggedInterface } from '../../../src/store/types.js';

export type { Citation, Figure, RankedPassage } from '../../../src/answer/types.js';
/** POST /api/ask's body: the engine's result with the request id, without the internal script tag. */
export type AskResult = Omit<AnswerResult, 'script'> & { id?: string };
export type { ChatTurn };
/** The web faces of the assistant, as the question log names them. */
export type Interface = Exclude<LoggedInterface, 'api'>;
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
