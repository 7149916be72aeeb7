import { z } from 'zod';

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, message: 'each origin must be an http(s) URL like https://www.wj.gov.cn' })));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The SQLite file of the question log and feedback. */
  DB_PATH: z.string().min(1).default('data/qa.sqlite'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Bearer token for /admin and /api/admin/*; unset turns the admin routes off. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Requests per client per minute on /api/ask and /api/feedback; 0 disables the limit. */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(60),
  /** Origins (comma-separated) whose pages may call the API from a browser; the server's own origin always may. */
  WIDGET_ORIGINS: csv,
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Take the client address from the first X-Forwarded-For entry (only behind a trusted reverse proxy). */
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  /** One JSON line per request on stdout. */
  LOG_REQUESTS: z.enum(['0', '1', 'true', 'false']).default('1').transform((v) => v === '1' || v === 'true'),
});

export type ServerConfig = {
  port: number;
  host: string;
  dbPath: string;
  retentionDays: number;
  adminToken?: string;
  rateLimitPerMin: number;
  widgetOrigins: string[];
  requestTimeoutMs: number;
  trustProxy: boolean;
  logRequests: boolean;
};

/** The server's settings from the environment; a bad value stops the start with a message naming it. */
export function loadServerConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) throw new Error(`invalid server configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.DB_PATH,
    retentionDays: e.RETENTION_DAYS,
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    rateLimitPerMin: e.RATE_LIMIT_PER_MIN,
    widgetOrigins: e.WIDGET_ORIGINS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    logRequests: e.LOG_REQUESTS,
  };
}
