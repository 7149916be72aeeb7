import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { errorResponse } from './errors.js';

/** The web pages load only their own scripts and styles, fetch only this server, and may not be framed. */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    // widget.js is loaded by other sites' pages; everything else stays same-origin.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  });

const originOf = (c: Context) => new URL(c.req.url).origin;

/**
 * Browsers may call the API only from this server's own pages or from the origins in WIDGET_ORIGINS: those get
 * CORS headers; any other Origin is refused with 403 before the handler runs (a preflight gets no CORS grant).
 */
export function widgetOrigins(allowed: string[]): MiddlewareHandler[] {
  const ok = (origin: string, c: Context) => origin === originOf(c) || allowed.includes(origin);
  const guard: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !ok(origin, c)) return errorResponse(c, 403, 'forbidden_origin', `origin ${origin} may not call this API (allowed: the server's own pages${allowed.length ? `, ${allowed.join(', ')}` : ''})`);
    await next();
  };
  const grant = cors({
    origin: (origin, c) => (ok(origin, c) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
  return [grant, guard];
}

/** The Cross-Origin-Resource-Policy each response carries: widget.js is meant to be embedded elsewhere. */
export const resourcePolicy = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.res.headers.set('Cross-Origin-Resource-Policy', c.req.path === '/widget.js' ? 'cross-origin' : 'same-origin');
};
