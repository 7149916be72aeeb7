import type { Document } from '@langchain/core/documents';

/** Which period a passage speaks about. */
export type TimeScope =
  | 'y2025' // results of 2025 (过去一年 / 一年来 in the report)
  | 'fyp14' // 十四五 review (2021–2025, 五年来)
  | 'y2026' // the 2026 plan (今年 / 2026年工作安排)
  | 'fyp15'; // 十五五 period and its 2030 targets

/** Which area a passage is about: the district as a whole or the 常州经开区 (Changzhou Economic Development Zone). */
export type Region = 'wujin' | 'cetdz';

export type ChunkKind = 'paragraph' | 'glossary' | 'footnote' | 'indicator';

/** One row of the plan's indicator table (附件 武进区“十五五”经济社会发展指标). */
export interface IndicatorRow {
  category: string; // 高质量发展指标 | 约束类指标
  number: string; // "12"; nested rows share their parent's number
  name: string; // full name, nested rows as "每千人口拥有医护人员数：执业（助理）医师数"
  unit: string; // "%", "亿元", "人", "" when none is given
  target: string; // verbatim, multi-line cells joined: "11以上（累计）"
}

export interface ChunkMetadata {
  id: string; // stable: `${docId}:${ordinal}`
  docId: string;
  docTitle: string;
  /** Section path from the outermost part, e.g. ["2026年工作安排", "二、坚定走好产业强区之路"]. */
  section: string[];
  kind: ChunkKind;
  /** Character offsets of the chunk text in the cleaned document text (cleaned.slice(start, end) === pageContent). */
  start: number;
  end: number;
  timeScope: TimeScope[];
  region: Region;
  /** Glossary or footnote term being defined, when kind is 'glossary' or 'footnote'. */
  term?: string;
  indicator?: IndicatorRow;
  /** A later piece of a long paragraph: the paragraph's first sentence, often its topic ("深化国资国企改革。"). */
  paragraphLead?: string;
}

export type Chunk = Document<ChunkMetadata>;

/** A heading of the cleaned document and the span of text it governs. */
export interface SectionSpan {
  path: string[];
  title: string;
  level: number;
  start: number;
  end: number;
}

/** Entry of corpus/documents.json. */
export interface DocumentEntry {
  id: string;
  title: string;
  shortTitle: string;
  /** English title without digits that are not in the Chinese title (answers quote only source figures). */
  titleEn: string;
  file: string;
  parser: string;
  publisher?: string;
  published?: string;
  issued?: string;
  indexNumber?: string;
  language: string;
}

export interface ParsedDocument {
  entry: DocumentEntry;
  /** The document as a reader sees it: no site chrome, no markup, footnotes placed where they are referenced. */
  cleaned: string;
  sections: SectionSpan[];
  chunks: Chunk[];
}
