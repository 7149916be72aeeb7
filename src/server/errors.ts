import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'method_not_allowed'
  | 'timeout'
  | 'unavailable'
  | 'forbidden_origin'
  | 'rate_limited'
  | 'unauthorized'
  | 'admin_disabled'
  | 'internal_error';

/** Every error the API gives has this one shape: {"error": {"code", "message"}}. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
