import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ParsedDocument } from '../ingest/types.js';

export const CATEGORIES = [
  'y2025', // 2025 results
  'y2026', // 2026 targets
  'fyp15', // 2030 / 十五五 targets
  'fyp14', // 十四五 achievements
  'cetdz', // 常州经开区
  'indicator', // rows of the plan's indicator table
  'definition', // glossary entries and footnotes
  'list', // enumerations ("五大新兴产业")
  'multi', // sentences with several figures, 分别 lists
  'conflict', // the two documents give different figures: both must appear
  'followup', // questions that need the earlier turns
  'traditional', // asked in traditional Chinese
  'english', // asked in English
  'colloquial', // 去年, 今年, 到十五五末 and other indirect phrasings
  'unanswerable', // the documents do not say: found must be false
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories about how a question is asked rather than what: their questions may also be unanswerable. */
const PHRASING_CATEGORIES = new Set<Category>(['followup', 'traditional', 'english', 'colloquial']);

const turn = z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) });

export const goldItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+-\d{2,5}$/, 'id must look like "y2025-01"'),
    question: z.string().min(2),
    history: z.array(turn).optional(),
    answerable: z.boolean(),
    /** Figure strings exactly as the source writes them (qualifier, number, unit), or the items a list/definition answer must name. */
    expect: z.array(z.string().min(1)),
    /** Where a correct answer comes from: each quote is verbatim text of one passage of that document. */
    sources: z.array(z.object({ docId: z.string(), quote: z.string().min(4) })),
    category: z.enum(CATEGORIES),
    split: z.enum(['dev', 'test']),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.answerable && (item.expect.length === 0 || item.sources.length === 0))
      ctx.addIssue({ code: 'custom', message: 'an answerable item needs expect and sources' });
    if (!item.answerable && (item.expect.length > 0 || item.sources.length > 0))
      ctx.addIssue({ code: 'custom', message: 'an unanswerable item has no expect or sources' });
    // A follow-up or a phrasing category may hold a question the documents do not answer; a topic category may not.
    if (item.category === 'unanswerable' ? item.answerable : !item.answerable && !PHRASING_CATEGORIES.has(item.category))
      ctx.addIssue({ code: 'custom', message: 'category unanswerable ⇒ answerable: false; only unanswerable, followup, traditional, english and colloquial items may be unanswerable' });
    if (item.category === 'followup' && !item.history?.length) ctx.addIssue({ code: 'custom', message: 'a follow-up needs history' });
    if (item.category === 'conflict' && new Set(item.sources.map((s) => s.docId)).size < 2)
      ctx.addIssue({ code: 'custom', message: 'a conflict item cites both documents' });
  });
export type GoldItem = z.infer<typeof goldItemSchema>;

export const DEFAULT_GOLD_DIR = new URL('../../evals/gold/', import.meta.url).pathname;

/** Comparison form for gold strings: NFKC, no white space (the documents put none inside figures). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Every gold file (evals/gold/*.json, each an array of items), parsed and schema-checked. */
export function loadGold(dir = DEFAULT_GOLD_DIR): GoldItem[] {
  const items: GoldItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const parsed = z.array(goldItemSchema).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    items.push(...parsed.data);
  }
  return items;
}

/**
 * Checks the gold set against the corpus: each quote must stand verbatim inside one passage of its
 * document (so that a correct citation can contain it), and each expected string inside one of the quotes.
 * Returns one line per problem; empty when the set is sound.
 */
export function validateGold(items: GoldItem[], documents: ParsedDocument[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const byDoc = new Map(documents.map((d) => [d.entry.id, d.chunks.map((c) => squash(c.pageContent))]));
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`${item.id}: duplicate id`);
    seen.add(item.id);
    if (!item.id.startsWith(`${item.category}-`)) problems.push(`${item.id}: id must start with its category "${item.category}-"`);
    for (const { docId, quote } of item.sources) {
      const passages = byDoc.get(docId);
      if (!passages) problems.push(`${item.id}: unknown document "${docId}"`);
      else if (!passages.some((p) => p.includes(squash(quote)))) problems.push(`${item.id}: quote not inside one passage of ${docId}: "${quote}"`);
    }
    for (const e of item.expect) {
      if (!item.sources.some((s) => squash(s.quote).includes(squash(e)))) problems.push(`${item.id}: expected "${e}" is in none of its quotes`);
    }
  }
  return problems;
}
