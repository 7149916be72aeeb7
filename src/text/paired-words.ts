/**
 * Words the documents write only inside a pair: "进出口总额" counts imports and exports together, so it says
 * neither "出口" nor "进口" alone. For a term naming one half ("出口", "进口额"), the pair is blanked out of a text
 * before looking for the term.
 */
const PAIRS: readonly { halves: readonly string[]; pair: string }[] = [{ halves: ['出口', '进口'], pair: '进出口' }];

/** The text with the pairs holding one half the term names blanked out (kept as long, so offsets stay), or the text itself. */
export function withoutPairsOf(term: string, text: string): string {
  const held = PAIRS.find(({ halves, pair }) => halves.some((h) => term.includes(h)) && !term.includes(pair));
  return held === undefined ? text : text.replaceAll(held.pair, '〇'.repeat(held.pair.length));
}
