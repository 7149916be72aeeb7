/**
 * The request limits, in one module without dependencies: the server's schemas enforce them and the web
 * pages (bundled by esbuild) respect them, so a client never sends what the server would refuse.
 */
export const MAX_BODY_BYTES = 16 * 1024;
export const MAX_QUESTION_CHARS = 500;
export const MAX_HISTORY_TURNS = 20;
export const MAX_TURN_CHARS = 2000;
export const MAX_COMMENT_CHARS = 500;
