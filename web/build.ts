/**
 * `npm run build:web` (run by `npm start` and the tests): bundles the pages' scripts and the widget with
 * esbuild into web/dist/, next to the HTML pages and stylesheets the server serves from there.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(WEB_DIR, 'dist');

const ENTRIES = [
  { in: 'src/staff/main.ts', out: 'assets/staff.js' },
  { in: 'src/docs/main.ts', out: 'assets/docs.js' },
  { in: 'src/admin/main.ts', out: 'assets/admin.js' },
  { in: 'src/widget/widget.ts', out: 'widget.js' },
  // The stylesheet is bundled too: it @imports the palette and marks it shares with the widget.
  { in: 'styles/app.css', out: 'assets/app.css' },
];

/** The first head lines of the assistant's own pages (not the demo host page); a page marks where they go. */
const COMMON_HEAD_MARK = '<!-- common head and stylesheet (web/build.ts) -->';
const COMMON_HEAD = [
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  '<link rel="icon" href="data:,">',
  '<link rel="stylesheet" href="/assets/app.css">',
].join('\n');

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export async function buildWeb(outDir = DIST_DIR): Promise<BuiltFile[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  await Promise.all(
    ENTRIES.map((e) =>
      build({
        entryPoints: [join(WEB_DIR, e.in)],
        outfile: join(outDir, e.out),
        bundle: true,
        minify: true,
        format: 'iife',
        target: ['es2020', 'chrome90', 'safari15', 'firefox90'],
        // Scripts import stylesheets as text (the widget adopts them); a stylesheet entry is bundled as CSS.
        ...(e.in.endsWith('.ts') ? { loader: { '.css': 'text' as const } } : {}),
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  for (const name of readdirSync(join(WEB_DIR, 'pages'))) {
    const page = readFileSync(join(WEB_DIR, 'pages', name), 'utf8');
    writeFileSync(join(outDir, name), page.replace(COMMON_HEAD_MARK, COMMON_HEAD));
  }
  copyFileSync(join(WEB_DIR, 'styles', 'host-demo.css'), join(outDir, 'assets', 'host-demo.css'));
  return listFiles(outDir);
}

function listFiles(dir: string, prefix = ''): BuiltFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, `${prefix}${name}/`);
    const body = readFileSync(path);
    return [{ file: `${prefix}${name}`, bytes: body.length, gzipBytes: gzipSync(body).length }];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildWeb();
  for (const f of files) console.log(`[build:web] ${f.file.padEnd(22)} ${String(f.bytes).padStart(7)} B  gzip ${String(f.gzipBytes).padStart(6)} B`);
}
