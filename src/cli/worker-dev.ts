/**
 * `npm run worker:dev`: the Worker in local workerd, offline. Builds the engine data and bundle, applies the D1
 * migrations to the local database, then runs `wrangler dev` on PORT (default 8787) in local mode with metrics off.
 * `--test-scheduled` lets GET /__scheduled run the daily cron handler. WORKER_STATE_DIR puts the local D1 database
 * elsewhere (the tests use a fresh one per run); WORKER_INSPECTOR_PORT sets the V8 inspector's port (the benchmark
 * reads the isolate's heap there); WORKER_SKIP_BUILD=1 serves the bundle already built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: process.env.CI ?? '1' };
const port = process.env.PORT || '8787';
const host = process.env.HOST || '127.0.0.1';
const state = resolve(process.env.WORKER_STATE_DIR || join(ROOT, '.wrangler', 'state'));

function run(args: string[]): void {
  const r = spawnSync('npx', args, { cwd: ROOT, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.env.WORKER_SKIP_BUILD !== '1') {
  run(['tsx', 'web/build.ts']);
  run(['tsx', 'src/cli/build-worker.ts']);
}
run(['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);

// Extra settings for this run (e.g. ADMIN_TOKEN, RATE_LIMIT_PER_MIN=0) pass as --var NAME:value.
const inspector = process.env.WORKER_INSPECTOR_PORT ? ['--inspector-port', process.env.WORKER_INSPECTOR_PORT] : [];
const vars = (process.env.WORKER_VARS ?? '').split(/\s+/).filter(Boolean).flatMap((v) => ['--var', v]);
const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--local', '--port', port, '--ip', host, '--persist-to', state, '--show-interactive-dev-session=false', '--test-scheduled', ...inspector, ...vars],
  { cwd: ROOT, env, stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
