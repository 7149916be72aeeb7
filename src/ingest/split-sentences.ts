/** Characters that end a sentence (full-width and the half-width ones the web report uses). */
export const SENTENCE_END = '。！？!?';
/** Clause ends used only when a single sentence is too long to be a chunk on its own. */
export const CLAUSE_END = '；;';
/** Closing marks that belong to the sentence they follow (。” stays together). */
const CLOSERS = '”’」』）)】》';

export interface Span {
  start: number;
  end: number;
}

/**
 * Splits `text` into spans ending right after one of `enders` (plus trailing closing marks);
 * the rest after the last ender is a final span. Spans are trimmed of white space and cover
 * every non-blank character, so joining the gaps back never loses text. Never splits at "."
 * so decimals like 3.7 or 5.5% stay whole.
 */
export function splitAt(text: string, enders: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!enders.includes(text[i])) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text[end]) || enders.includes(text[end]))) end++;
    pushTrimmed(spans, text, start, end, offset);
    start = end;
    i = end - 1;
  }
  pushTrimmed(spans, text, start, text.length, offset);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number, offset: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start: start + offset, end: end + offset });
}

/** Sentence spans of a paragraph (ending at 。！？!?). */
export function splitSentences(text: string): Span[] {
  return splitAt(text, SENTENCE_END);
}

/** The first sentence of a paragraph: where its topic heading or time lead ("过去一年,…") sits. */
export function firstSentence(text: string): string {
  const [first] = splitSentences(text);
  return first ? text.slice(first.start, first.end) : '';
}
