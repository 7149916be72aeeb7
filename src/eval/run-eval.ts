import cliProgress from 'cli-progress';
import { loadEngine } from '../answer/load-engine.js';
import { loadEmbedConfig, type EmbedConfig } from '../embed/model-config.js';
import { corpusHash } from '../ingest/load-corpus.js';
import { CATEGORIES, loadGold, type Category, type GoldItem } from './gold.js';
import { errorResult, scoreItem, summarize, type ItemResult, type Summary } from './score.js';
import { engineSystem, httpSystem, naiveSystem, type SystemUnderTest } from './systems.js';

export interface EvalOptions {
  split?: 'dev' | 'test';
  categories?: Category[];
  /** Evaluate a running server instead of the engine in process (baselines still run in process). */
  url?: string;
  /** Also run the baselines (default true). */
  baselines?: boolean;
  progress?: boolean;
  goldDir?: string;
  /** Embedding settings for the dense and hybrid runs; false skips them. */
  embed?: EmbedConfig | false;
  indexDir?: string;
}

export interface SystemRun {
  name: string;
  description: string;
  /** Why the system could not run (no model); then there are no results. */
  unavailable?: string;
  results: ItemResult[];
  summary?: Summary;
  byCategory?: Partial<Record<Category, Summary>>;
}

export interface EvalRun {
  startedAt: string;
  split: 'dev' | 'test' | 'all';
  categories: Category[];
  questions: number;
  corpusHash: string;
  /** The system whose figures count: the server when --url is given, else the engine as `npm start` runs it. */
  primary: string;
  systems: SystemRun[];
}

export function selectItems(items: GoldItem[], opts: Pick<EvalOptions, 'split' | 'categories'>): GoldItem[] {
  return items.filter((i) => (!opts.split || i.split === opts.split) && (!opts.categories?.length || opts.categories.includes(i.category)));
}

async function runSystem(system: SystemUnderTest, items: GoldItem[], bars?: cliProgress.MultiBar): Promise<SystemRun> {
  const bar = bars?.create(items.length, 0, { name: system.name.padEnd(8) });
  const results: ItemResult[] = [];
  for (const item of items) {
    try {
      results.push(scoreItem(item, await system.ask(item)));
    } catch (error) {
      results.push(errorResult(item, error));
    }
    bar?.increment();
  }
  const byCategory: Partial<Record<Category, Summary>> = {};
  for (const c of CATEGORIES) {
    const inCat = results.filter((r) => r.category === c);
    if (inCat.length) byCategory[c] = summarize(inCat);
  }
  return { name: system.name, description: system.description, results, summary: summarize(results), byCategory };
}

/** Runs the gold questions through the assistant and the baselines, one system after the other on the same questions. */
export async function runEval(opts: EvalOptions = {}): Promise<EvalRun> {
  const items = selectItems(loadGold(opts.goldDir), opts);
  if (items.length === 0) throw new Error('no gold items match the split and categories asked for');
  const baselines = opts.baselines !== false;

  const systems: (SystemUnderTest | { name: string; description: string; unavailable: string })[] = [];
  let primary = 'lexical';
  if (opts.url) {
    systems.push(httpSystem(opts.url));
    primary = 'server';
  }
  const lexical = await loadEngine({ embed: false, indexDir: opts.indexDir });
  if (!opts.url || baselines) systems.push(engineSystem('lexical', 'the assistant on its BM25 retriever alone (no model)', lexical));

  if (opts.embed !== false && (baselines || !opts.url)) {
    const cfg = opts.embed ?? loadEmbedConfig();
    const hybrid = await loadEngine({ embed: cfg, indexDir: opts.indexDir });
    if (hybrid.status.dense.active) {
      const dense = await loadEngine({ embed: cfg, indexDir: opts.indexDir, denseOnly: true });
      if (!opts.url) primary = 'hybrid';
      if (baselines) systems.push(engineSystem('dense', `the assistant on ${cfg.modelId} embeddings alone (HNSW)`, dense));
      systems.push(engineSystem('hybrid', `the assistant with BM25 and ${cfg.modelId} fused (RRF)`, hybrid));
    } else if (baselines) {
      const why = `not available: ${hybrid.status.dense.detail}`;
      systems.push({ name: 'dense', description: `embeddings alone (${cfg.modelId})`, unavailable: why });
      systems.push({ name: 'hybrid', description: `BM25 and ${cfg.modelId} fused`, unavailable: why });
    }
  }
  if (baselines) systems.push(await naiveSystem());

  const bars = opts.progress
    ? new cliProgress.MultiBar({ format: ' {name} [{bar}] {value}/{total} {percentage}%', hideCursor: true, clearOnComplete: false, stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
  const runs: SystemRun[] = [];
  try {
    for (const s of systems) runs.push('unavailable' in s ? { ...s, results: [] } : await runSystem(s, items, bars));
  } finally {
    bars?.stop();
  }
  return {
    startedAt: new Date().toISOString(),
    split: opts.split ?? 'all',
    categories: [...new Set(items.map((i) => i.category))],
    questions: items.length,
    corpusHash: corpusHash(),
    primary,
    systems: runs,
  };
}
