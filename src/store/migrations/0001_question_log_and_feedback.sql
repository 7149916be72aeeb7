-- The question log and the ratings citizens and staff give. Applied by the Node server at start
-- (src/store/sqlite-store.ts) and by `wrangler d1 migrations apply` on Workers.
CREATE TABLE IF NOT EXISTS questions (
  id TEXT PRIMARY KEY,                 -- the answer id POST /api/ask returns
  asked_at INTEGER NOT NULL,           -- ms since the epoch
  question TEXT NOT NULL,              -- normalised: NFKC, spaces collapsed, closing punctuation dropped
  found INTEGER NOT NULL CHECK (found IN (0, 1)),
  top_citations TEXT NOT NULL,         -- JSON array of up to three passage ids
  latency_ms REAL NOT NULL,
  interface TEXT NOT NULL CHECK (interface IN ('widget', 'staff', 'api')),
  client_hash TEXT NOT NULL            -- salted SHA-256 of the client address, never the address
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
CREATE INDEX IF NOT EXISTS questions_found ON questions (found, asked_at);

CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  question_id TEXT NOT NULL UNIQUE REFERENCES questions (id) ON DELETE CASCADE,
  given_at INTEGER NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT CHECK (comment IS NULL OR length(comment) <= 500)
);
CREATE INDEX IF NOT EXISTS feedback_given_at ON feedback (given_at);

-- Deployment secrets kept with the data: the salt of the client hashes.
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
