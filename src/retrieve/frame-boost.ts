import type { Chunk } from '../ingest/types.js';
import type { QueryFrame } from './query-frame.js';

/**
 * Multiplier for a passage given the question's frame: the right period, area and document rise,
 * the wrong ones sink (but are not removed: a question may be framed loosely).
 */
export function frameBoost(chunk: Chunk, frame: QueryFrame): number {
  const m = chunk.metadata;
  let boost = 1;
  if (frame.timeScopes.length > 0 && m.timeScope.length > 0) {
    boost *= m.timeScope.some((s) => frame.timeScopes.includes(s)) ? 1.35 : 0.7;
  }
  const mentionsZone = /经开区/.test(chunk.pageContent);
  if (frame.region === 'cetdz') boost *= m.region === 'cetdz' ? 1.6 : mentionsZone ? 1.1 : 0.75;
  else if (m.region === 'cetdz') boost *= 0.7;
  if (frame.docIds.length > 0) boost *= frame.docIds.includes(m.docId) ? 1.2 : 0.85;
  return boost;
}
