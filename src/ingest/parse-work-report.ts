import { cleanWebReport } from './clean-web-report.js';
import { buildParsedDocument, type Block, type HeadingMark } from './document-builder.js';
import { normalizeHeading } from './heading-text.js';
import { regionOfParagraph } from './region.js';
import { firstSentence } from './split-sentences.js';
import { narrowByLead, scopesIn } from './time-scope.js';
import type { DocumentEntry, ParsedDocument, TimeScope } from './types.js';

/** "一、" … "十、": numbered parts and numbered review paragraphs. */
const NUMBERED = /^[一二三四五六七八九十]+、/;
/** Sentence or clause punctuation: a line containing any is running text, not a standalone heading. */
const TEXT_PUNCT = /[。，,：:；;！!？?]/;
/** Glossary entry "1、“46X”生态体系:…": the term runs up to the first colon. */
const GLOSSARY_ENTRY = /^\d+、\s*([^:：]+?)\s*[:：]/;
/** Vocative line that opens the speech. */
const SALUTATION = /^各位代表\s*[:：]$/;
/** A topic lead: short first sentence without commas ("提振消费市场。"). */
const TOPIC_LEAD = /^([^，,、：:；;。！!？?]{2,16})。/;
/** Longest line taken as a standalone heading. */
const MAX_HEADING = 30;

function isGlossaryTitle(line: string): boolean {
  return line.replace(/\s+/g, '') === '名词解释';
}

/** A standalone heading line: short, no sentence punctuation. */
function isStandaloneHeading(line: string): boolean {
  return line.length <= MAX_HEADING && !TEXT_PUNCT.test(line);
}

/**
 * Parses a government work report exported from the district website. Structure: top-level parts
 * are standalone lines; in the review part each numbered paragraph opens with its heading sentence
 * ("一、坚持产业强区,加固发展根基。…"); in the plan part numbered headings stand alone and each
 * paragraph opens with a topic sentence ("提振消费市场。…"); the glossary (名词解释) closes it.
 */
export function parseWorkReport(raw: string, entry: DocumentEntry): ParsedDocument {
  const { lines } = cleanWebReport(raw);
  const blocks: Block[] = [];

  let part: { title: string; scopes: TimeScope[] } | null = null;
  let numbered: string | null = null; // standalone numbered heading in force
  let inGlossary = false;
  let listScopes: TimeScope[] | null = null; // scope announced by "一年来,重点开展了以下工作:"

  const heading = (title: string, level: number, path: string[]): HeadingMark => ({ title, level, path });

  for (const line of lines) {
    if (SALUTATION.test(line)) {
      blocks.push({ text: line });
      continue;
    }

    if (isGlossaryTitle(line)) {
      const title = normalizeHeading(line);
      part = { title, scopes: [] };
      numbered = null;
      inGlossary = true;
      blocks.push({ text: title, heading: heading(title, 1, [title]) });
      continue;
    }

    if (inGlossary) {
      const entryMatch = GLOSSARY_ENTRY.exec(line);
      if (entryMatch && part) {
        blocks.push({
          text: line,
          chunk: {
            kind: 'glossary',
            section: [part.title],
            timeScope: [],
            region: 'wujin',
            term: entryMatch[1],
            split: false,
          },
        });
        continue;
      }
    }

    if (isStandaloneHeading(line) && !NUMBERED.test(line)) {
      const title = normalizeHeading(line);
      part = { title, scopes: scopesIn(title) };
      numbered = null;
      inGlossary = false;
      listScopes = null;
      blocks.push({ text: line, heading: heading(title, 1, [title]) });
      continue;
    }

    if (isStandaloneHeading(line) && NUMBERED.test(line) && part) {
      numbered = normalizeHeading(line);
      blocks.push({ text: line, heading: heading(numbered, 2, [part.title, numbered]) });
      continue;
    }

    // Running paragraph.
    const partPath = part ? [part.title] : [];
    const partScopes = part?.scopes ?? [];
    const lead = firstSentence(line);
    const block: Block = { text: line };
    let section = numbered ? [...partPath, numbered] : partPath;
    let timeScope: TimeScope[] = [...partScopes];

    if (NUMBERED.test(line) && !numbered && lead.length - 1 <= MAX_HEADING && lead.endsWith('。')) {
      // Review paragraph "一、坚持产业强区,加固发展根基。…": its heading sentence is a section level.
      const title = normalizeHeading(lead.slice(0, -1));
      section = [...partPath, title];
      block.inlineSections = [heading(title, 2, section)];
      if (partScopes.length > 1) timeScope = listScopes ?? narrowByLead(partScopes, lead) ?? timeScope;
    } else {
      if (numbered) {
        const topic = TOPIC_LEAD.exec(line);
        if (topic) {
          const title = normalizeHeading(topic[1]);
          section = [...section, title];
          block.inlineSections = [heading(title, 3, section)];
        }
      }
      if (partScopes.length > 1) {
        // A part covering several periods: the paragraph's lead says which ("过去一年" / "五年来").
        timeScope = narrowByLead(partScopes, lead) ?? timeScope;
        listScopes = /[:：]$/.test(line) ? narrowByLead(partScopes, lead) : null;
      }
    }

    block.chunk = {
      kind: 'paragraph',
      section,
      timeScope,
      region: regionOfParagraph(line),
      split: true,
    };
    blocks.push(block);
  }

  return buildParsedDocument(entry, blocks);
}
