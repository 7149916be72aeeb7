/**
 * `npm run build:worker`: writes the Worker's engine data (parsed documents, passages and the lexical index, built
 * here on Node exactly as the Node server builds them) and bundles the Worker with `wrangler deploy --dry-run`,
 * then reports the bundle's size against the Workers limits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildEngineData } from '../answer/load-engine.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WORKER_DIST = join(ROOT, 'dist', 'worker');
const BUNDLE_DIR = join(WORKER_DIST, 'bundle');
const MB = 1024 * 1024;
/** Compressed Worker size limits (Cloudflare docs, "Limits"): 3 MB on the Free plan, 10 MB on Paid. */
const LIMITS_GZ = { free: 3 * MB, paid: 10 * MB };

const started = Date.now();
const data = buildEngineData();
mkdirSync(WORKER_DIST, { recursive: true });
const dataText = JSON.stringify(data);
writeFileSync(join(WORKER_DIST, 'engine-data.txt'), dataText);
const chunks = data.documents.reduce((n, d) => n + d.chunks.length, 0);
console.log(`engine data: ${data.documents.length} documents, ${chunks} passages, lexical index; ${(dataText.length / MB).toFixed(2)} MB (${Date.now() - started} ms)`);

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const wrangler = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', BUNDLE_DIR], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
if (wrangler.status !== 0) {
  console.error(wrangler.stdout, wrangler.stderr);
  throw new Error(`wrangler deploy --dry-run failed (exit ${wrangler.status})`);
}

const modules = readdirSync(BUNDLE_DIR)
  .filter((f) => !f.endsWith('.map') && statSync(join(BUNDLE_DIR, f)).isFile())
  .map((f) => {
    const bytes = readFileSync(join(BUNDLE_DIR, f));
    return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
const total = modules.reduce((t, m) => ({ raw: t.raw + m.raw, gz: t.gz + m.gz }), { raw: 0, gz: 0 });
const fmt = (n: number) => `${(n / MB).toFixed(2)} MB`;
for (const m of modules) console.log(`  ${m.file.padEnd(48)} ${fmt(m.raw).padStart(9)}  gz ${fmt(m.gz).padStart(9)}`);
console.log(`worker bundle (wrangler deploy --dry-run): ${fmt(total.raw)}, gzipped ${fmt(total.gz)}; limit ${fmt(LIMITS_GZ.free)} (Free) / ${fmt(LIMITS_GZ.paid)} (Paid)`);
writeFileSync(join(WORKER_DIST, 'bundle-size.json'), JSON.stringify({ modules, total, limitsGz: LIMITS_GZ }, null, 2));
