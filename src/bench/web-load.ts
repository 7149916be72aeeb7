/**
 * `npm run bench:web`: how fast the staff page and the widget load on localhost in a real browser (Debian's
 * Chromium), and how big what they download is. Targets: staff page ready < 1 s, widget.js < 40 KB gzipped.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildWeb } from '../../web/build.js';
import { startNodeServer } from '../server/node.js';
import { median } from './latency-stats.js';

const RUNS = 7;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { staffReadyMs: 1000, widgetGzipKB: 40 };

const files = await buildWeb();
const size = (name: string) => files.find((f) => f.file === name)!;
const widget = size('widget.js');
console.log(`widget.js: ${(widget.bytes / 1024).toFixed(1)} KB, ${(widget.gzipBytes / 1024).toFixed(1)} KB gzipped (target < ${TARGETS.widgetGzipKB} KB)`);
const staffBytes = ['index.html', 'assets/staff.js', 'assets/app.css'].map(size);
console.log(`staff page: ${(staffBytes.reduce((s, f) => s + f.gzipBytes, 0) / 1024).toFixed(1)} KB gzipped (html, script, stylesheet)`);

if (!existsSync(CHROMIUM)) {
  console.log(`page load: not measured, no browser at ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(0);
}

const server = await startNodeServer({ port: 0, host: '127.0.0.1', embed: false, log: () => {}, config: { dbPath: ':memory:', rateLimitPerMin: 0, logRequests: false } });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

/** Milliseconds from navigation start to the page's own readiness signal, each run in a fresh (cold-cache) context. */
async function measure(path: string, ready: string): Promise<{ domContentLoaded: number[]; ready: number[] }> {
  const out = { domContentLoaded: [] as number[], ready: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
    out.domContentLoaded.push(performance.now() - started);
    await page.locator(ready).first().waitFor({ state: 'attached' });
    out.ready.push(performance.now() - started);
    await context.close();
  }
  return out;
}

const staff = await measure('/', '#examples button');
const demo = await measure('/embed-demo', 'wujin-qa-widget');
const row = (name: string, xs: number[]) => `| ${name} | ${median(xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`;
console.log(`\nPage load on localhost, ${RUNS} cold runs each (Chromium ${browser.version()}):\n`);
console.log('| measure | median | worst |\n| --- | --- | --- |');
console.log(row('staff page: DOMContentLoaded', staff.domContentLoaded));
console.log(row('staff page: ready (script ran, examples shown)', staff.ready));
console.log(row('demo page: widget button in place', demo.ready));
const ok = Math.max(...staff.ready) < TARGETS.staffReadyMs && widget.gzipBytes < TARGETS.widgetGzipKB * 1024;
console.log(`\ntargets: staff page ready < ${TARGETS.staffReadyMs} ms, widget.js < ${TARGETS.widgetGzipKB} KB gzipped: ${ok ? 'met' : 'MISSED'}`);
await browser.close();
await server.close();
process.exit(ok ? 0 : 1);
