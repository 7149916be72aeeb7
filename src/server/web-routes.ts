import type { Context, Hono } from 'hono';
import { errorResponse } from './errors.js';
import type { AssetSource, WebAsset } from './web-assets.js';

/** Pages and scripts of web/: the staff chat (/), the source view (/docs/:id), the widget and its demo host page. */
export function mountWebRoutes(app: Hono, assets: AssetSource, knownDoc: (id: string) => boolean, adminEnabled: boolean): void {
  const serve = async (c: Context, path: string, status: 200 | 404 | 503 = 200) => {
    const asset = await assets(path);
    if (!asset) return errorResponse(c, 503, 'unavailable', `web page ${path} is not built: run "npm run build:web"`);
    return send(c, path, asset, status);
  };
  const send = (c: Context, path: string, asset: WebAsset, status: 200 | 404 | 503) => {
    const cache = path.endsWith('.html') ? 'no-cache' : 'public, max-age=300';
    return c.body(asset.body as Uint8Array<ArrayBuffer>, status, { 'content-type': asset.type, 'cache-control': cache });
  };
  app.get('/', (c) => serve(c, 'index.html'));
  app.get('/embed-demo', (c) => serve(c, 'embed-demo.html'));
  // Without ADMIN_TOKEN the page still loads, with 503, and says how to turn it on.
  app.get('/admin', (c) => serve(c, 'admin.html', adminEnabled ? 200 : 503));
  // Unknown documents get the page with a 404 status: it tells the reader which document is missing.
  app.get('/docs/:id', (c) => serve(c, 'docs.html', knownDoc(c.req.param('id')) ? 200 : 404));
  app.get('/widget.js', (c) => serve(c, 'widget.js'));
  app.get('/assets/:file', async (c) => {
    const path = `assets/${c.req.param('file')}`;
    const asset = await assets(path);
    return asset ? send(c, path, asset, 200) : errorResponse(c, 404, 'not_found', `no asset ${path}`);
  });
}
