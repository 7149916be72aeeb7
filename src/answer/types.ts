import type { RetrievalMode } from '../retrieve/retriever.js';
import type { QuestionScript } from '../text/script.js';
import type { RefusalReason } from './out-of-scope.js';

export interface Citation {
  chunkId: string;
  docId: string;
  docTitle: string;
  /** Section path joined with " > ". */
  section: string;
  text: string;
  /** Offsets of the passage in the cleaned document (GET /api/docs/:id). */
  start: number;
  end: number;
  score: number;
}

export interface Figure {
  /** Verbatim from the source: qualifier, number and unit ("超1300亿元"). */
  value: string;
  /** The value as the answer text writes it (traditional characters for a traditional question), for highlighting. */
  shown: string;
  /** The clause it stands in, or "item：value" for a 分别 list. */
  context: string;
  /** 1-based index into citations. */
  citation: number;
}

/** One retrieved passage with its rank evidence (returned on request, for staff and evaluation). */
export interface RankedPassage {
  chunkId: string;
  docId: string;
  section: string;
  text: string;
  /** Final score after fusion and frame boosts (1 = best). */
  score: number;
  lexicalRank?: number;
  denseRank?: number;
}

/** The checks that can decline a question after retrieval (before it: the scope rules of RefusalReason). */
export type DeclineCheck = 'scope' | 'coverage' | 'other-year' | 'no-figure' | 'unlabelled-figure' | 'quantity-kind' | 'counted-thing' | 'asked-measure' | 'other-place' | 'no-date';

export interface AnswerResult {
  answer: string;
  found: boolean;
  citations: Citation[];
  figures: Figure[];
  mode: RetrievalMode;
  tookMs: number;
  script: QuestionScript;
  /** Why the documents were judged not to answer (only when found is false). */
  reason?: RefusalReason;
  /** Which check declined to answer (only with `explain`): for staff and the evaluation's failure analysis. */
  declinedBy?: DeclineCheck;
  /** The ranked passages the answer was chosen from (only with `explain`). */
  passages?: RankedPassage[];
}
