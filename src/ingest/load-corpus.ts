import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir, loadRegistry, readRawDocument, REGISTRY_FILE } from './document-registry.js';
import { getParser } from './parsers.js';
import type { ParsedDocument } from './types.js';

/** Parses every registered document with the parser its registry entry names. */
export function loadCorpus(corpusDir: string = defaultCorpusDir()): ParsedDocument[] {
  return loadRegistry(corpusDir).map((entry) => {
    const parse = getParser(entry.parser); // fail on an unknown parser before reading the file
    return parse(readRawDocument(entry, corpusDir), entry);
  });
}

/**
 * sha256 over the registry and every raw file it lists, in registry order: an index built from an
 * older corpus has a different hash and is rebuilt. Each part is length-prefixed so moving bytes
 * between files cannot give the same hash.
 */
export function corpusHash(corpusDir: string = defaultCorpusDir()): string {
  const hash = createHash('sha256');
  const add = (name: string, bytes: Buffer): void => {
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  };
  add(REGISTRY_FILE, readFileSync(join(corpusDir, REGISTRY_FILE)));
  for (const entry of loadRegistry(corpusDir)) add(entry.file, readFileSync(join(corpusDir, entry.file)));
  return hash.digest('hex');
}
