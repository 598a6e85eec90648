import { z } from '@hono/zod-openapi';

/** An OpenAPI response whose body is a file of one media type. */
export const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/**
 * Headers for a download. The name goes in twice: an ASCII fallback and the UTF-8 form (RFC 6266), so Chinese
 * names survive in every browser.
 */
export function downloadHeaders(mediaType: string, fileName: string, asciiFallback: string) {
  return {
    'content-type': mediaType,
    'content-disposition': `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  };
}
