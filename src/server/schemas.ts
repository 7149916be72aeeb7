import { z } from 'zod';

import { MAX_COMMENT_CHARS, MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from './limits.js';

/** Lone UTF-16 surrogates cannot be segmented or shown; reject them instead of answering garbage. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
/** Control characters (other than tab and line breaks) are never part of a question a person typed. */
const noControls = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

export const turnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(MAX_TURN_CHARS).refine(wellFormed, 'must be well-formed Unicode text').refine(noControls, 'must not contain control characters'),
});

export function askSchema(docIds: string[]) {
  return z.object({
    question: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`)
      .refine(wellFormed, 'must be well-formed Unicode text')
      .refine(noControls, 'must not contain control characters')
      .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain letters or digits'),
    history: z.array(turnSchema).max(MAX_HISTORY_TURNS, `at most ${MAX_HISTORY_TURNS} turns`).optional(),
    docs: z
      .array(z.string().refine((id) => docIds.includes(id), { message: `unknown document id (known: ${docIds.join(', ')})` }))
      .max(docIds.length)
      .optional(),
    /** Return the ranked passages with their scores (why this answer). */
    explain: z.boolean().optional(),
    /** Which face asked, for the question log. */
    interface: z.enum(['widget', 'staff', 'api']).default('api'),
  });
}

/** A citizen's or staff member's rating of one logged answer: the five levels of 好差评 (5 = 非常满意 … 1 = 非常不满意). */
export const feedbackSchema = z.object({
  /** The id POST /api/ask returned with the answer rated. */
  answerId: z.string().min(1, 'must not be empty').max(100),
  rating: z.number().int('must be a whole number').min(1, 'must be 1 (非常不满意) to 5 (非常满意)').max(5, 'must be 1 (非常不满意) to 5 (非常满意)'),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`)
    .refine(wellFormed, 'must be well-formed Unicode text')
    .transform((s) => s || undefined)
    .optional(),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;
/** What a client sends. */
export type FeedbackBody = z.input<typeof feedbackSchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(MAX_QUESTION_CHARS).refine(wellFormed, 'must be well-formed Unicode text'),
  k: z.coerce.number().int().min(1).max(50).default(10),
});

/** "history.0.role: Invalid option…" — names the field and the problem. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}
