/** Footnote reference left by the document export: "[footnoteRef:2]". */
const REF = /\[footnoteRef:(\d+)\]/g;
/** Footnote body "[2:  text]"; the export puts it inline right after the reference. */
const BODY = /\[(\d+):\s*([^\]]*)\]/g;
/** A definition footnote names its term before the colon ("“1234567”战略：…"). */
const TERM = /^([^：:。，,；;]{1,24})[：:]/;

/** Prefix of a footnote line in the cleaned text. */
export const FOOTNOTE_PREFIX = '注：';

/** Takes every footnote body out of the text; the bodies are placed again where they are referenced. */
export function extractFootnoteBodies(text: string): { text: string; bodies: Map<string, string> } {
  const bodies = new Map<string, string>();
  const rest = text.replace(BODY, (_m, id: string, body: string) => {
    bodies.set(id, body.trim());
    return '';
  });
  return { text: rest, bodies };
}

/** Removes the reference marks from one line and lists the footnote ids it referenced, in order. */
export function takeFootnoteRefs(line: string): { text: string; refs: string[] } {
  const refs: string[] = [];
  const text = line.replace(REF, (_m, id: string) => {
    refs.push(id);
    return '';
  });
  return { text, refs };
}

/** The term a footnote defines, when it is a definition. */
export function footnoteTerm(body: string): string | undefined {
  return TERM.exec(body)?.[1].trim();
}
