import type { D1Database } from '@cloudflare/workers-types/index.js';
import { collectStats, SQL } from './queries.js';
import type { ExportTable, FeedbackEntry, QaStore, QuestionLogEntry } from './types.js';

/** A fresh 256-bit salt, hex (Web Crypto: no Node APIs in a Worker). */
function newSalt(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The question log in Cloudflare D1: the same tables (src/store/migrations, applied by `wrangler d1 migrations apply`)
 * and the same SQL as the SQLite store, so /api/admin/stats reads alike on both runtimes.
 */
export class D1Store implements QaStore {
  readonly kind = 'd1' as const;
  private saltValue: Promise<string> | undefined;

  constructor(private readonly db: D1Database) {}

  async logQuestion(e: QuestionLogEntry): Promise<void> {
    await this.db
      .prepare(SQL.insertQuestion)
      .bind(e.id, e.askedAt, e.question, e.found ? 1 : 0, JSON.stringify(e.topCitations), e.latencyMs, e.interface, e.clientHash)
      .run();
  }

  async addFeedback(f: FeedbackEntry): Promise<'stored' | 'unknown-answer'> {
    if (!(await this.db.prepare(SQL.questionExists).bind(f.answerId).first())) return 'unknown-answer';
    await this.db.prepare(SQL.upsertFeedback).bind(f.id, f.answerId, f.givenAt, f.rating, f.comment ?? null).run();
    return 'stored';
  }

  /** One batch is one transaction in D1: the feedback goes with its questions or not at all. */
  async purge(before: number): Promise<{ questions: number; feedback: number }> {
    const [feedback, questions] = await this.db.batch([
      this.db.prepare(SQL.purgeFeedback).bind(before),
      this.db.prepare(SQL.purgeQuestions).bind(before),
    ]);
    return { feedback: feedback!.meta.changes, questions: questions!.meta.changes };
  }

  stats(opts: { days: number; now: number; limit: number }) {
    return collectStats(async (sql, ...params) => (await this.db.prepare(sql).bind(...params).all<Record<string, unknown>>()).results, opts);
  }

  async exportRows(table: ExportTable): Promise<Record<string, unknown>[]> {
    const sql = table === 'questions' ? SQL.exportQuestions : SQL.exportFeedback;
    return (await this.db.prepare(sql).all<Record<string, unknown>>()).results;
  }

  /** Created on first use: INSERT OR IGNORE keeps the first salt when two isolates race. */
  salt(): Promise<string> {
    return (this.saltValue ??= (async () => {
      await this.db.prepare(SQL.putMeta).bind('client_salt', newSalt()).run();
      const row = await this.db.prepare(SQL.getMeta).bind('client_salt').first<{ value: string }>();
      return row!.value;
    })().catch((err: unknown) => {
      this.saltValue = undefined; // try again on the next request rather than fail for the isolate's lifetime
      throw err;
    }));
  }

  async close(): Promise<void> {}
}
