/** Spans of source text; offsets are relative to the text that was split, so quotes stay verbatim. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

const OPEN = '（(“‘《【[';
const CLOSE = '）)”’》】]';

/**
 * Splits at the given delimiters, outside brackets and quotes only, keeping the delimiter with the
 * piece it ends ("…3570亿元、" stays whole). Offsets index into `text`.
 */
function splitOutsideBrackets(text: string, delimiters: string, base = 0): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && delimiters.includes(ch)) {
      // A comma between digits ("1,000") is part of a number, not a clause break.
      if (ch === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      spans.push({ start: base + start, end: base + i + 1, text: text.slice(start, i + 1) });
      start = i + 1;
    }
  }
  if (start < text.length) spans.push({ start: base + start, end: base + text.length, text: text.slice(start) });
  return spans.filter((s) => s.text.trim().length > 0);
}

/** Sentences end at 。！？； (the documents use ； between independent statements). */
export function splitSentences(text: string, base = 0): Span[] {
  return splitOutsideBrackets(text, '。！？；;!?\n', base);
}

/** Clauses end at a comma (full- or half-width) or a colon; enumeration commas 、 do not split. */
export function splitClauses(sentence: Span, delimiters = '，,：:'): Span[] {
  return splitOutsideBrackets(sentence.text, delimiters, sentence.start);
}

/** Drops the trailing delimiter and surrounding white space of a span's text for display. */
export function trimPunctuation(text: string): string {
  return text.trim().replace(/^[，,、；;：:\s]+/, '').replace(/[，,、；;：:。\s]+$/, '');
}
