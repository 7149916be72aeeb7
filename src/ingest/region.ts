import type { Region } from './types.js';

/** Openings that only set the time and leave the subject to the next clause ("过去一年,常州经开区…"). */
const TIME_LEAD = /^(?:过去一年|一年来|五年来|未来五年|今年|“十四五”以来|“十五五”时期|到20\d\d年)$/;

/**
 * Which area a paragraph is about, decided by its subject (the first clause after any time lead),
 * not by mentions: "过去一年,常州经开区各项工作…" and "——常州经开区。…" are about the zone, while
 * a 2026 task that names the zone mid-paragraph stays district-wide.
 */
export function regionOfParagraph(text: string): Region {
  const clauses = text.replace(/^——/, '').split(/[，,。：:；;！!]/, 3);
  let subject = clauses[0] ?? '';
  if (TIME_LEAD.test(subject.trim())) subject = clauses[1] ?? '';
  return /^\s*(?:常州)?经开区/.test(subject) ? 'cetdz' : 'wujin';
}
