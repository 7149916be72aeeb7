import { Document } from '@langchain/core/documents';
import { packParagraph } from './chunk-paragraphs.js';
import { firstSentence } from './split-sentences.js';
import type {
  Chunk,
  ChunkKind,
  DocumentEntry,
  IndicatorRow,
  ParsedDocument,
  Region,
  SectionSpan,
  TimeScope,
} from './types.js';

/** A heading: its normalised title and the full path down to it. */
export interface HeadingMark {
  title: string;
  level: number;
  path: string[];
}

/** How a block becomes chunks. */
export interface ChunkSpec {
  kind: ChunkKind;
  section: string[];
  timeScope: TimeScope[];
  region: Region;
  term?: string;
  indicator?: IndicatorRow;
  /** Paragraphs are packed into sentence pieces; glossary entries, footnotes and table rows stay whole. */
  split: boolean;
}

/**
 * One line of the cleaned document, produced by a parser in reading order. A block is a heading
 * (governs the text up to the next heading of the same or a higher level), a chunked passage,
 * or plain text kept for the reader only (title, salutation).
 */
export interface Block {
  text: string;
  heading?: HeadingMark;
  /** Sections that span exactly this block (an inline heading "一、…。" or a topic lead "提振消费市场。"). */
  inlineSections?: HeadingMark[];
  chunk?: ChunkSpec;
}

/** Blank line between blocks: the cleaned text reads like the document, one paragraph per block. */
const BLOCK_SEPARATOR = '\n\n';

/**
 * Writes the blocks into the cleaned text and derives sections and chunks from the same offsets,
 * so `cleaned.slice(start, end) === pageContent` holds by construction.
 */
export function buildParsedDocument(entry: DocumentEntry, blocks: Block[]): ParsedDocument {
  const parts: string[] = [];
  const placed: Array<{ block: Block; start: number; end: number }> = [];
  let cursor = 0;
  for (const block of blocks) {
    const text = block.text.trim();
    if (!text) continue;
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      cursor += BLOCK_SEPARATOR.length;
    }
    parts.push(text);
    placed.push({ block: { ...block, text }, start: cursor, end: cursor + text.length });
    cursor += text.length;
  }
  const cleaned = parts.join('');

  const sections: SectionSpan[] = [];
  placed.forEach(({ block, start, end }, i) => {
    if (block.heading) {
      const { title, level, path } = block.heading;
      const next = placed.slice(i + 1).find((p) => p.block.heading && p.block.heading.level <= level);
      const spanEnd = next ? trimEnd(cleaned, next.start) : cleaned.length;
      sections.push({ path, title, level, start, end: spanEnd });
    }
    for (const inline of block.inlineSections ?? []) {
      sections.push({ path: inline.path, title: inline.title, level: inline.level, start, end });
    }
  });

  const chunks: Chunk[] = [];
  for (const { block, start } of placed) {
    const spec = block.chunk;
    if (!spec) continue;
    const spans = spec.split ? packParagraph(block.text) : [{ start: 0, end: block.text.length }];
    for (const span of spans) {
      const id = `${entry.id}:${chunks.length}`;
      const metadata = {
        id,
        docId: entry.id,
        docTitle: entry.title,
        section: [...spec.section],
        kind: spec.kind,
        start: start + span.start,
        end: start + span.end,
        timeScope: [...spec.timeScope],
        region: spec.region,
        ...(spec.term !== undefined ? { term: spec.term } : {}),
        ...(spec.indicator ? { indicator: { ...spec.indicator } } : {}),
        ...(span.start > 0 ? { paragraphLead: firstSentence(block.text) } : {}),
      };
      chunks.push(new Document({ pageContent: block.text.slice(span.start, span.end), metadata, id }));
    }
  }

  return { entry, cleaned, sections, chunks };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
