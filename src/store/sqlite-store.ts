import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectStats, SQL } from './queries.js';
import type { ExportTable, FeedbackEntry, QaStore, QuestionLogEntry } from './types.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies the migrations not yet recorded, each in one transaction, in file-name order. Returns the ones applied. */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const applied: string[] = [];
  for (const name of readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(dir, name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, Date.now());
    })();
    applied.push(name);
  }
  return applied;
}

/**
 * The question log in one SQLite file (WAL: readers never block the writer; synchronous=NORMAL: a committed
 * row survives a killed process). Statements are synchronous; the async interface is the one D1 needs.
 */
export class SqliteStore implements QaStore {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly applied: string[];
  private readonly insertQuestion: Database.Statement;
  private readonly questionExists: Database.Statement;
  private readonly upsertFeedback: Database.Statement;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.applied = migrate(this.db);
    this.db.prepare(SQL.putMeta).run('client_salt', randomBytes(32).toString('hex'));
    this.insertQuestion = this.db.prepare(SQL.insertQuestion);
    this.questionExists = this.db.prepare(SQL.questionExists);
    this.upsertFeedback = this.db.prepare(SQL.upsertFeedback);
  }

  async logQuestion(e: QuestionLogEntry): Promise<void> {
    this.insertQuestion.run(e.id, e.askedAt, e.question, e.found ? 1 : 0, JSON.stringify(e.topCitations), e.latencyMs, e.interface, e.clientHash);
  }

  async addFeedback(f: FeedbackEntry): Promise<'stored' | 'unknown-answer'> {
    if (!this.questionExists.get(f.answerId)) return 'unknown-answer';
    this.upsertFeedback.run(f.id, f.answerId, f.givenAt, f.rating, f.comment ?? null);
    return 'stored';
  }

  async purge(before: number): Promise<{ questions: number; feedback: number }> {
    return this.db.transaction(() => ({
      feedback: this.db.prepare(SQL.purgeFeedback).run(before).changes,
      questions: this.db.prepare(SQL.purgeQuestions).run(before).changes,
    }))();
  }

  stats(opts: { days: number; now: number; limit: number }) {
    return collectStats(async (sql, ...params) => this.db.prepare(sql).all(...params) as Record<string, unknown>[], opts);
  }

  async exportRows(table: ExportTable): Promise<Record<string, unknown>[]> {
    return this.db.prepare(table === 'questions' ? SQL.exportQuestions : SQL.exportFeedback).all() as Record<string, unknown>[];
  }

  async salt(): Promise<string> {
    return (this.db.prepare(SQL.getMeta).get('client_salt') as { value: string }).value;
  }

  /** `PRAGMA integrity_check`: "ok" for a sound file. */
  integrity(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
