import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build-web.ts'],
    // The fixture model and HNSW tests load onnxruntime; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
