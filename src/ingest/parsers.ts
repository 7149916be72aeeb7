import { parsePlanOutline } from './parse-plan-outline.js';
import { parseWorkReport } from './parse-work-report.js';
import type { DocumentEntry, ParsedDocument } from './types.js';

export type DocumentParser = (raw: string, entry: DocumentEntry) => ParsedDocument;

/** Parser names used in corpus/documents.json. A new document of a known kind needs only a registry entry. */
export const PARSERS: Readonly<Record<string, DocumentParser>> = {
  'gov-web-report': parseWorkReport,
  'docx-plan-outline': parsePlanOutline,
};

export function getParser(name: string): DocumentParser {
  const parser = Object.hasOwn(PARSERS, name) ? PARSERS[name] : undefined;
  if (!parser) {
    throw new Error(`Unknown parser "${name}" (known: ${Object.keys(PARSERS).join(', ')})`);
  }
  return parser;
}
