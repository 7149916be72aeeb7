/** Vitest global setup: the server serves web/dist, so build it once before any test starts a server. */
import { buildWeb } from '../../web/build.js';

export default async function setup(): Promise<void> {
  await buildWeb();
}
