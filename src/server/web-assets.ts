/** One built web file (web/dist): pages, scripts, stylesheets and the widget. */
export interface WebAsset {
  body: Uint8Array;
  type: string;
}
/** Where the app reads the built web files from: the disk on Node, the static-assets binding on Workers. */
export type AssetSource = (path: string) => Promise<WebAsset | null>;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** Only these names are ever read, so no request path can reach another file. */
const SAFE_NAME = /^(?:assets\/)?[a-z0-9-]+\.(html|js|css)$/;

export const contentTypeOf = (path: string) => TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
export const isAssetName = (path: string) => SAFE_NAME.test(path);
