import type { AskResult, ChatTurn } from '../shared/api.js';
import { readStored, writeStored } from '../shared/storage.js';

export interface Turn {
  question: string;
  result: AskResult;
  at: number;
}
export interface Conversation {
  id: string;
  title: string;
  turns: Turn[];
  updated: number;
}
interface Saved {
  version: 1;
  current: string | null;
  conversations: Conversation[];
}

const KEY = 'wjqa.staff.conversations';
const MAX_CONVERSATIONS = 50;
/** Ranked passages are kept short in storage: the explain view needs the ranking, not every word. */
const STORED_PASSAGE_CHARS = 240;

const isSaved = (v: unknown): v is Saved =>
  typeof v === 'object' && v !== null && (v as Saved).version === 1 && Array.isArray((v as Saved).conversations);

const newId = () => `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The staff page's conversations, kept in localStorage across reloads (newest first). */
export class ConversationStore {
  private saved: Saved;

  constructor() {
    this.saved = readStored<Saved>(KEY, { version: 1, current: null, conversations: [] }, isSaved);
  }

  get all(): Conversation[] {
    return this.saved.conversations;
  }

  get current(): Conversation | undefined {
    return this.saved.conversations.find((c) => c.id === this.saved.current);
  }

  select(id: string): void {
    if (this.saved.conversations.some((c) => c.id === id)) this.saved.current = id;
    this.persist();
  }

  /** A fresh conversation becomes current; it is stored once it has a turn. */
  startNew(): void {
    this.saved.current = null;
    this.persist();
  }

  add(question: string, result: AskResult): Conversation {
    let conv = this.current;
    if (!conv) {
      conv = { id: newId(), title: question.slice(0, 40), turns: [], updated: Date.now() };
      this.saved.conversations.unshift(conv);
      this.saved.current = conv.id;
    }
    const passages = result.passages?.map((p) => ({ ...p, text: p.text.slice(0, STORED_PASSAGE_CHARS) }));
    conv.turns.push({ question, result: { ...result, ...(passages ? { passages } : {}) }, at: Date.now() });
    conv.updated = Date.now();
    this.saved.conversations = [conv, ...this.saved.conversations.filter((c) => c !== conv)].slice(0, MAX_CONVERSATIONS);
    this.persist();
    return conv;
  }

  /** Earlier turns of the current conversation, as the API's history. */
  history(): ChatTurn[] {
    return (this.current?.turns ?? []).flatMap((t): ChatTurn[] => [
      { role: 'user', content: t.question },
      { role: 'assistant', content: t.result.answer },
    ]);
  }

  /** Saves; when the browser's quota is full, the oldest conversations give way (never the current one). */
  private persist(): void {
    while (!writeStored(KEY, this.saved) && this.saved.conversations.length > 1) {
      const oldest = this.saved.conversations.at(-1)!;
      if (oldest.id === this.saved.current) break;
      this.saved.conversations.pop();
    }
  }
}
