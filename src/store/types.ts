/** The question log and feedback, as the server sees them: SQLite on Node, D1 on Workers. */
export type Interface = 'widget' | 'staff' | 'api';

export interface QuestionLogEntry {
  id: string;
  askedAt: number;
  /** Already normalised (normaliseQuestion). */
  question: string;
  found: boolean;
  topCitations: string[];
  latencyMs: number;
  interface: Interface;
  clientHash: string;
}

export interface FeedbackEntry {
  id: string;
  /** The logged question (answer) rated. */
  answerId: string;
  givenAt: number;
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export interface AdminStats {
  since: string;
  days: number;
  totals: { questions: number; unanswered: number; feedback: number; byInterface: Record<Interface, number> };
  perDay: { day: string; questions: number; unanswered: number }[];
  topQuestions: { question: string; count: number; answered: number }[];
  /** Questions the documents could not answer: the gap list staff act on. */
  unanswered: { question: string; count: number; lastAsked: string }[];
  satisfaction: { rating: number; label: string; count: number }[];
  comments: { at: string; rating: number; comment: string; question: string | null }[];
  slowest: { question: string; latencyMs: number; at: string; interface: Interface }[];
}

export type ExportTable = 'questions' | 'feedback';

export interface QaStore {
  readonly kind: 'sqlite' | 'd1';
  logQuestion(entry: QuestionLogEntry): Promise<void>;
  /** 'unknown-answer' when no logged question has that id (never logged, or purged). A second rating replaces the first. */
  addFeedback(entry: FeedbackEntry): Promise<'stored' | 'unknown-answer'>;
  /** Deletes questions (and their feedback) older than the cutoff. */
  purge(before: number): Promise<{ questions: number; feedback: number }>;
  stats(opts: { days: number; now: number; limit: number }): Promise<AdminStats>;
  exportRows(table: ExportTable): Promise<Record<string, unknown>[]>;
  /** The salt of the client hashes, created with the database. */
  salt(): Promise<string>;
  close(): Promise<void>;
}
