/**
 * index/manifest.json: what the built artefacts in the index directory were built from, so a stale,
 * mismatched or corrupt artefact is detected and rebuilt instead of silently served.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** INDEX_DIR from the environment, else `<repo>/index`. */
export function defaultIndexDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.INDEX_DIR?.trim() || path.join(REPO_ROOT, 'index'));
}

const DenseSectionSchema = z.object({
  modelId: z.string().min(1),
  dimension: z.number().int().positive(),
  builtAt: z.string(),
  /** File name inside the index directory. */
  file: z.string().regex(/^[\w.-]+$/, 'must be a plain file name'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

// Loose: other builders (e.g. the lexical index) may keep their own sections in the same manifest.
const ManifestSchema = z.looseObject({
  version: z.number().int(),
  corpusHash: z.string().min(1),
  chunkCount: z.number().int().nonnegative(),
  /** Ordered: HNSW label i is chunkIds[i]. */
  chunkIds: z.array(z.string()),
  dense: DenseSectionSchema.optional(),
});

export type DenseManifestSection = z.infer<typeof DenseSectionSchema>;
export type IndexManifest = z.infer<typeof ManifestSchema>;

export type ManifestReadResult = { manifest: IndexManifest } | { problem: string };

/** Reads and validates the manifest; any problem (missing, bad JSON, bad shape, old version) is described, never thrown. */
export function readManifest(indexDir: string): ManifestReadResult {
  const file = path.join(indexDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { problem: `no ${MANIFEST_FILE} in ${indexDir}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { problem: `${MANIFEST_FILE} is not valid JSON (${(err as Error).message})` };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${MANIFEST_FILE} is malformed (${issue.path.join('.') || 'root'}: ${issue.message})` };
  }
  const m = parsed.data;
  if (m.version !== MANIFEST_VERSION) return { problem: `${MANIFEST_FILE} has version ${m.version}, expected ${MANIFEST_VERSION}` };
  if (m.chunkIds.length !== m.chunkCount) {
    return { problem: `${MANIFEST_FILE} lists ${m.chunkIds.length} chunk ids but chunkCount ${m.chunkCount}` };
  }
  return { manifest: m };
}

/**
 * Writes one section (e.g. `{ dense: … }`) for the given corpus. Other sections are kept only when
 * they were recorded for the very same corpus and chunk ids: otherwise they would wrongly look fresh.
 */
export function writeManifestSection(
  indexDir: string,
  corpus: { corpusHash: string; chunkIds: string[] },
  section: Record<string, unknown>,
): IndexManifest {
  const existing = readManifest(indexDir);
  const keep =
    'manifest' in existing &&
    existing.manifest.corpusHash === corpus.corpusHash &&
    sameIds(existing.manifest.chunkIds, corpus.chunkIds)
      ? existing.manifest
      : {};
  const manifest: IndexManifest = {
    ...keep,
    version: MANIFEST_VERSION,
    corpusHash: corpus.corpusHash,
    chunkCount: corpus.chunkIds.length,
    chunkIds: corpus.chunkIds,
    ...section,
  };
  writeFileAtomic(path.join(indexDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Temp file in the same directory + rename: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** A unique sibling path for writers that produce the file themselves (e.g. hnswlib's writeIndexSync). */
export function tempPathFor(file: string): string {
  return `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A hash of chunk ids and texts, for callers that have no corpus hash of their own. */
export function hashChunks(chunks: readonly { pageContent: string; metadata: { id: string } }[]): string {
  const h = crypto.createHash('sha256');
  for (const c of chunks) h.update(c.metadata.id).update('\0').update(c.pageContent).update('\0');
  return h.digest('hex');
}
