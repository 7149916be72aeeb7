/**
 * The SQL both stores run (better-sqlite3 on Node, D1 on Workers), so the statistics cannot drift apart.
 * Every parameter is positional (?), the one syntax both accept.
 */
export const SQL = {
  insertQuestion: `INSERT INTO questions (id, asked_at, question, found, top_citations, latency_ms, interface, client_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  questionExists: `SELECT 1 AS ok FROM questions WHERE id = ?`,
  upsertFeedback: `INSERT INTO feedback (id, question_id, given_at, rating, comment) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (question_id) DO UPDATE SET id = excluded.id, given_at = excluded.given_at, rating = excluded.rating, comment = excluded.comment`,
  purgeFeedback: `DELETE FROM feedback WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)`,
  purgeQuestions: `DELETE FROM questions WHERE asked_at < ?`,
  getMeta: `SELECT value FROM meta WHERE key = ?`,
  putMeta: `INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`,
  totals: `SELECT count(*) AS questions, coalesce(sum(found = 0), 0) AS unanswered,
    coalesce(sum(interface = 'widget'), 0) AS widget, coalesce(sum(interface = 'staff'), 0) AS staff, coalesce(sum(interface = 'api'), 0) AS api
    FROM questions WHERE asked_at >= ?`,
  feedbackCount: `SELECT count(*) AS n FROM feedback WHERE given_at >= ?`,
  perDay: `SELECT strftime('%Y-%m-%d', asked_at / 1000, 'unixepoch') AS day, count(*) AS questions, sum(found = 0) AS unanswered
    FROM questions WHERE asked_at >= ? GROUP BY day ORDER BY day`,
  topQuestions: `SELECT question, count(*) AS count, sum(found) AS answered FROM questions WHERE asked_at >= ?
    GROUP BY question ORDER BY count DESC, max(asked_at) DESC LIMIT ?`,
  unanswered: `SELECT question, count(*) AS count, max(asked_at) AS last FROM questions WHERE found = 0 AND asked_at >= ?
    GROUP BY question ORDER BY count DESC, last DESC LIMIT ?`,
  satisfaction: `SELECT rating, count(*) AS count FROM feedback WHERE given_at >= ? GROUP BY rating`,
  comments: `SELECT f.given_at AS at, f.rating AS rating, f.comment AS comment, q.question AS question
    FROM feedback f LEFT JOIN questions q ON q.id = f.question_id
    WHERE f.comment IS NOT NULL AND f.given_at >= ? ORDER BY f.given_at DESC LIMIT ?`,
  slowest: `SELECT question, latency_ms AS latencyMs, asked_at AS at, interface FROM questions WHERE asked_at >= ?
    ORDER BY latency_ms DESC LIMIT ?`,
  exportQuestions: `SELECT id, asked_at, question, found, top_citations, latency_ms, interface FROM questions ORDER BY asked_at`,
  exportFeedback: `SELECT f.id, f.question_id, f.given_at, f.rating, f.comment, q.question
    FROM feedback f LEFT JOIN questions q ON q.id = f.question_id ORDER BY f.given_at`,
} as const;

export const RATING_LABELS = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'] as const;
export const DAY_MS = 86_400_000;

/** The cutoff of the retention purge: everything asked before it goes. */
export const retentionCutoff = (retentionDays: number, now = Date.now()) => now - retentionDays * DAY_MS;

/** Runs the statistics through any store's "all rows" function and shapes them for /api/admin/stats. */
export async function collectStats(
  all: (sql: string, ...params: unknown[]) => Promise<Record<string, any>[]>,
  opts: { days: number; now: number; limit: number },
): Promise<import('./types.js').AdminStats> {
  const since = opts.now - opts.days * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  const [[totals], [fb], perDay, top, gaps, sat, comments, slowest] = await Promise.all([
    all(SQL.totals, since),
    all(SQL.feedbackCount, since),
    all(SQL.perDay, since),
    all(SQL.topQuestions, since, opts.limit),
    all(SQL.unanswered, since, opts.limit),
    all(SQL.satisfaction, since),
    all(SQL.comments, since, opts.limit),
    all(SQL.slowest, since, opts.limit),
  ]);
  const counts = new Map(sat.map((r) => [Number(r.rating), Number(r.count)]));
  return {
    since: iso(since),
    days: opts.days,
    totals: {
      questions: Number(totals!.questions),
      unanswered: Number(totals!.unanswered),
      feedback: Number(fb!.n),
      byInterface: { widget: Number(totals!.widget), staff: Number(totals!.staff), api: Number(totals!.api) },
    },
    perDay: perDay.map((r) => ({ day: String(r.day), questions: Number(r.questions), unanswered: Number(r.unanswered) })),
    topQuestions: top.map((r) => ({ question: String(r.question), count: Number(r.count), answered: Number(r.answered) })),
    unanswered: gaps.map((r) => ({ question: String(r.question), count: Number(r.count), lastAsked: iso(Number(r.last)) })),
    satisfaction: [5, 4, 3, 2, 1].map((rating) => ({ rating, label: RATING_LABELS[rating - 1]!, count: counts.get(rating) ?? 0 })),
    comments: comments.map((r) => ({ at: iso(Number(r.at)), rating: Number(r.rating), comment: String(r.comment), question: r.question === null ? null : String(r.question) })),
    slowest: slowest.map((r) => ({ question: String(r.question), latencyMs: Number(r.latencyMs), at: iso(Number(r.at)), interface: r.interface })),
  };
}
