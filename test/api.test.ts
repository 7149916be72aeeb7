/** The HTTP API on a real Node server (lexical mode), through real sockets on loopback. */
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../src/server/node.js';
import { startTestServer } from './helpers/server.js';
import { apiSuite } from './helpers/api-suite.js';

let server: RunningServer | undefined;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

apiSuite(() => {
  if (!server) throw new Error('server not started');
  return server.url;
});
