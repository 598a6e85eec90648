import { z } from '@hono/zod-openapi';
import { DocumentNameSchema } from '@city/contracts';
import { AppError, type LedgerFile } from '@city/core';
import { cleanUpload } from '@city/plugin-sdk/server';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

/** Receipts, contracts and certificates as photos or PDFs; photos are kept re-encoded, PDFs only served as downloads. */
const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
const binary = z.string().openapi({ format: 'binary' });

/** The request body of a document upload: the file itself. */
export const documentBody = {
  required: true,
  content: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { schema: binary }])),
} as const;

export const NameQuerySchema = z.object({
  name: DocumentNameSchema.optional().openapi({ param: { name: 'name', in: 'query' } }),
});

export const documentUploadDescription =
  '请求体为文件本身（PDF，或 JPEG/PNG/WebP 图片，图片重新编码后保存）。The body is the file itself: a PDF, or an image kept re-encoded.';

/** The request's body as a document to keep, named as the query says (or by its type), or a localised 400. */
export async function uploaded(c: Context<AppEnv>, name: string | undefined, fallback: string): Promise<LedgerFile> {
  const clean = await cleanUpload(new Uint8Array(await c.req.arrayBuffer()), DOCUMENT_TYPES);
  if (!clean) throw new AppError('document_invalid');
  return { name: name ?? fallback, contentType: clean.type, bytes: clean.bytes };
}
