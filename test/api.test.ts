/** The HTTP API on a real Node server (lexical mode), through real sockets on loopback. */
import { afterAll, beforeAll } from 'vitest';
import { startNodeServer, type RunningServer } from '../src/server/node.js';
import { apiSuite } from './helpers/api-suite.js';

let server: RunningServer | undefined;

beforeAll(async () => {
  server = await startNodeServer({ port: 0, host: '127.0.0.1', embed: false, log: () => {} });
});

afterAll(async () => {
  await server?.close();
});

apiSuite(() => {
  if (!server) throw new Error('server not started');
  return server.url;
});
