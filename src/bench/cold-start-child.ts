/**
 * Run in a fresh process by cold-start.ts: import the engine, build it, answer one question, print one
 * result line. Separate process because module loading, jieba's dictionary and JIT warm-up are part of
 * what a user waits for after `npm start`, and an in-process measurement would already have paid them.
 * Usage: node --import tsx src/bench/cold-start-child.ts <lexical|default> <question>
 */
import { performance } from 'node:perf_hooks';
import { RESULT_MARKER } from './cold-start.js';
import { procMemory } from './memory.js';

const mode = process.argv[2] === 'default' ? 'default' : 'lexical';
const question = process.argv[3] || '2025年武进区地区生产总值是多少？';

// performance.now() counts from process start, so this includes node boot and the tsx loader.
const bootMs = performance.now();
const { loadEngine } = await import('../answer/load-engine.js');
const { loadEmbedConfig } = await import('../embed/model-config.js');
const importedAt = performance.now();

// "default" is the configuration `npm start` uses, with downloads forced off: the bench never touches the network.
const embed = mode === 'lexical' ? false : loadEmbedConfig(process.env, { allowRemote: false });
const engine = await loadEngine({ embed, log: () => {} });
const builtAt = performance.now();
const result = await engine.answer(question);
const answeredAt = performance.now();

const mem = procMemory('self');
process.stdout.write(
  `${RESULT_MARKER}${JSON.stringify({
    mode,
    retrieval: engine.retriever.mode,
    dense: engine.status.dense,
    found: result.found,
    bootMs,
    importMs: importedAt - bootMs,
    buildMs: builtAt - importedAt,
    answerMs: answeredAt - builtAt,
    sinceProcessStartMs: answeredAt,
    peakRssBytes: mem?.hwm ?? process.memoryUsage.rss(),
  })}\n`,
);
