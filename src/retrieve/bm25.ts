/** Okapi BM25 over pre-tokenised documents, with weighted query terms (synonyms count less than the user's own words). */
export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Bm25Model {
  params: Bm25Params;
  docCount: number;
  avgLength: number;
  lengths: number[];
  /** term → [docIndex, termFrequency] pairs */
  postings: Record<string, [number, number][]>;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export function buildBm25(docs: string[][], params: Bm25Params = { k1: 1.2, b: 0.6 }): Bm25Model {
  const postings: Record<string, [number, number][]> = {};
  const lengths = docs.map((d) => d.length);
  docs.forEach((tokens, i) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) (postings[t] ??= []).push([i, n]);
  });
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  return { params, docCount: docs.length, avgLength, lengths, postings };
}

export function idf(model: Bm25Model, term: string): number {
  const df = model.postings[term]?.length ?? 0;
  return Math.log(1 + (model.docCount - df + 0.5) / (df + 0.5));
}

/** Scores of every document with a positive score, as a sparse map docIndex → score. */
export function scoreBm25(model: Bm25Model, query: WeightedTerm[]): Map<number, number> {
  const { k1, b } = model.params;
  const scores = new Map<number, number>();
  for (const { term, weight } of query) {
    const list = model.postings[term];
    if (!list) continue;
    const w = weight * idf(model, term);
    for (const [doc, tf] of list) {
      const norm = tf + k1 * (1 - b + (b * model.lengths[doc]!) / model.avgLength);
      scores.set(doc, (scores.get(doc) ?? 0) + (w * tf * (k1 + 1)) / norm);
    }
  }
  return scores;
}
