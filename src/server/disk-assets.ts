import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf, isAssetName, type AssetSource } from './web-assets.js';

export const DEFAULT_WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Reads built files from web/dist on each request (they are small, and a rebuild shows without a restart). */
export function diskAssets(dir = DEFAULT_WEB_DIST): AssetSource {
  return async (path) => {
    if (!isAssetName(path)) return null;
    try {
      return { body: await readFile(join(dir, path)), type: contentTypeOf(path) };
    } catch {
      return null;
    }
  };
}
