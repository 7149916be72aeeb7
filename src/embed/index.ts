export * from './model-config.js';
export * from './embedder.js';
export * from './download-model.js';
