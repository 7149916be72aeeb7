/** Half-width punctuation the web export uses inside Chinese text, and its full-width form. */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/**
 * Section titles are metadata shown and matched on their own, so they get the standard full-width
 * punctuation ("一、坚持产业强区,加固发展根基" → "一、坚持产业强区，加固发展根基") and no inner
 * spacing quirks ("名 词 解 释" → "名词解释"). The cleaned text itself keeps the source characters.
 */
export function normalizeHeading(title: string): string {
  let text = title.trim();
  if (/^[\p{Script=Han}](?:\s+[\p{Script=Han}])+$/u.test(text)) text = text.replace(/\s+/g, '');
  return text.replace(/[,:;!?()]/g, (ch) => FULL_WIDTH[ch] ?? ch);
}
