import { buildParsedDocument, type Block, type HeadingMark } from './document-builder.js';
import { extractFootnoteBodies, FOOTNOTE_PREFIX, footnoteTerm, takeFootnoteRefs } from './footnotes.js';
import { normalizeHeading } from './heading-text.js';
import { formatIndicatorRow, parseIndicatorTable } from './indicator-table.js';
import { regionOfParagraph } from './region.js';
import { scopeOfPath, scopesIn } from './time-scope.js';
import type { DocumentEntry, ParsedDocument, TimeScope } from './types.js';

/** Word-processor bookmarks left in the export: "[bookmark: _Toc4413]". */
const BOOKMARK = /\[bookmark:[^\]]*\]/g;
/** 第X篇 / 第X章 / 第X节 headings, levels 1–3. */
const OUTLINE_HEADING = /^第[一二三四五六七八九十百零〇]+([篇章节])\s*\S/;
const LEVEL: Record<string, number> = { 篇: 1, 章: 2, 节: 3 };
/** Appendix marker line; the next line is the appendix title. */
const APPENDIX = /^附件\s*$/;
/** Distribution list printed under the document ("抄送：…"), not content. */
const DISTRIBUTION = /^抄送\s*[:：]/;
const MAX_HEADING = 40;

function headingLevel(line: string): number | null {
  const m = OUTLINE_HEADING.exec(line);
  if (!m || line.length > MAX_HEADING || line.includes('。')) return null;
  return LEVEL[m[1]];
}

/**
 * Parses a plan outline exported from a word processor: title lines, then 篇/章/节 headings and one
 * paragraph per line, footnotes inline as "[footnoteRef:N]" + "[N: text]", an appendix with the
 * indicator table flattened to tab-prefixed cells, and a distribution list.
 */
export function parsePlanOutline(raw: string, entry: DocumentEntry): ParsedDocument {
  const unmarked = raw.replace(/\r\n?/g, '\n').replace(BOOKMARK, '');
  const { text, bodies } = extractFootnoteBodies(unmarked);
  const lines = text.split('\n');
  // The outline as a whole is about the period its title names ("第十五个五年规划" → fyp15).
  const docScope: TimeScope[] = scopesIn(entry.title);

  const blocks: Block[] = [];
  const path: string[] = [];
  const titleLines: string[] = [];
  let seenHeading = false;

  const pushFootnotes = (refs: string[], section: string[], timeScope: TimeScope[]): void => {
    for (const id of refs) {
      const body = bodies.get(id);
      if (!body) throw new Error(`${entry.id}: footnote ${id} is referenced but has no text`);
      const term = footnoteTerm(body);
      blocks.push({
        text: FOOTNOTE_PREFIX + body,
        chunk: { kind: 'footnote', section, timeScope, region: 'wujin', split: false, ...(term ? { term } : {}) },
      });
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const { text: line0, refs } = takeFootnoteRefs(lines[i]);
    const line = line0.trim();
    if (!line) continue;

    const level = headingLevel(line);
    if (level !== null) {
      if (!seenHeading && titleLines.length > 0) blocks.push({ text: titleLines.join('') });
      seenHeading = true;
      const title = normalizeHeading(line);
      path.length = level - 1; // a 章 directly under a 篇 drops any previous 节
      path[level - 1] = title;
      const mark: HeadingMark = { title, level, path: [...path] };
      blocks.push({ text: line, heading: mark });
      pushFootnotes(refs, [...path], scopeOfPath(path, docScope));
      continue;
    }
    if (!seenHeading) {
      titleLines.push(line); // "常州市武进区国民经济和社会发展" + "第十五个五年规划纲要"
      continue;
    }

    if (APPENDIX.test(line)) {
      i = parseAppendix(lines, i, blocks, path, docScope);
      continue;
    }
    if (DISTRIBUTION.test(line)) {
      // Its wrapped continuation lines, up to a blank line or the next heading.
      while (i + 1 < lines.length && lines[i + 1].trim() !== '' && headingLevel(lines[i + 1].trim()) === null) i++;
      continue;
    }

    const section = [...path];
    const timeScope = scopeOfPath(section, docScope);
    blocks.push({
      text: line,
      chunk: { kind: 'paragraph', section, timeScope, region: regionOfParagraph(line), split: true },
    });
    pushFootnotes(refs, section, timeScope);
  }

  return buildParsedDocument(entry, blocks);
}

/**
 * Appendix: "附件" + title line, then the table up to the first line that is neither a cell nor a
 * blank/continuation line of one. Emits the heading and one indicator block per row; returns the
 * index of the last line consumed.
 */
function parseAppendix(lines: string[], at: number, blocks: Block[], path: string[], docScope: TimeScope[]): number {
  let i = at + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const title = normalizeHeading(`${lines[at].trim()} ${lines[i]?.trim() ?? ''}`.trim());
  path.length = 0;
  path.push(title);
  blocks.push({ text: title, heading: { title, level: 1, path: [title] } });

  const tableLines: string[] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const line = lines[j];
    const prev = tableLines[tableLines.length - 1];
    const isCell = line.startsWith('\t');
    const isBlank = line.trim() === '';
    const isWrap = !isCell && !isBlank && prev !== undefined && prev.trim() !== '' && !DISTRIBUTION.test(line);
    if (!isCell && !isBlank && !isWrap) break;
    if (!isCell && !isBlank && headingLevel(line.trim()) !== null) break;
    tableLines.push(line);
  }

  const table = parseIndicatorTable(tableLines);
  const section = [title];
  const timeScope = scopeOfPath(section, docScope);
  for (const row of table.rows) {
    blocks.push({
      text: formatIndicatorRow(row, table.targetLabel),
      chunk: { kind: 'indicator', section, timeScope, region: 'wujin', indicator: row, split: false },
    });
  }
  return j - 1;
}
