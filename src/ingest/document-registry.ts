import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DocumentEntry } from './types.js';

/** corpus/ at the repository root, found from this file so it works from any cwd (tsx, vitest, CLI). */
export function defaultCorpusDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');
}

export const REGISTRY_FILE = 'documents.json';

const entrySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  titleEn: z.string().min(1),
  file: z.string().min(1),
  parser: z.string().min(1),
  publisher: z.string().optional(),
  published: z.string().optional(),
  issued: z.string().optional(),
  indexNumber: z.string().optional(),
  language: z.string().min(1),
});

const registrySchema = z.object({ documents: z.array(entrySchema) });

/** Reads and validates corpus/documents.json; a malformed registry fails loudly rather than yielding half a corpus. */
export function loadRegistry(corpusDir: string = defaultCorpusDir()): DocumentEntry[] {
  const path = join(corpusDir, REGISTRY_FILE);
  const parsed = registrySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid document registry ${path}: ${parsed.error.message}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.documents) {
    if (ids.has(entry.id)) throw new Error(`Duplicate document id "${entry.id}" in ${path}`);
    ids.add(entry.id);
  }
  return parsed.data.documents;
}

/** The raw export of one registered document, exactly as stored. */
export function readRawDocument(entry: DocumentEntry, corpusDir: string = defaultCorpusDir()): string {
  return readFileSync(join(corpusDir, entry.file), 'utf8');
}
