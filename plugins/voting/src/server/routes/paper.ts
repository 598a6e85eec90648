import { z } from '@hono/zod-openapi';
import { sha256HexOfBytes } from '@city/plugin-sdk/hashing';
import { newId } from '@city/plugin-sdk/schema';
import {
  cleanUpload,
  fileResponse,
  json,
  jsonBody,
  pluginRoute,
  uploadHeaders,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import { and, eq } from 'drizzle-orm';
import { ProxyDocumentSchema, ReconciliationSchema, SheetCountsInputSchema } from '../../contracts.ts';
import { meetings, proxyDocuments, type ProxyDocumentType } from '../../schema.ts';
import { TELLERS } from '../access.ts';
import { fail } from '../errors.ts';
import { loadMeeting } from '../meeting-rows.ts';
import type { Settings } from '../meetings.ts';
import { reconcile } from '../reconciliation.ts';
import { meetingParams } from './params.ts';

const DOCUMENT_TYPES: readonly ProxyDocumentType[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
/** The API's body limit; the portal scales photos of a signed authorisation down before they are sent. */
const MAX_DOCUMENT_BYTES = 1024 * 1024;
const binary = z.string().openapi({ format: 'binary' });

const reconciliation = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/reconciliation',
  summary: '纸质票对账 / Where the paper sheets went',
  access: TELLERS,
  request: { params: meetingParams },
  responses: { 200: json(ReconciliationSchema) },
});
const sheetCounts = pluginRoute({
  method: 'put',
  path: '/meetings/{meetingId}/sheet-counts',
  summary: '登记发放和回收的纸质票张数 / Record the sheets handed out and collected',
  access: TELLERS,
  request: { params: meetingParams, body: jsonBody(SheetCountsInputSchema) },
  responses: { 200: json(ReconciliationSchema) },
});
const uploadDocument = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/proxy-documents',
  summary: '上传签字的授权委托书（图片或 PDF，≤1 MB）/ Upload a signed proxy authorisation (image or PDF, 1 MB)',
  description:
    '请求体为文件本身；图片重新编码后保存（不保留位置等元数据），PDF 原样保存、以附件下载。The body is the file itself; an image is kept re-encoded (without its metadata), a PDF as sent and served as a download.',
  access: TELLERS,
  request: {
    params: meetingParams,
    body: { required: true, content: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { schema: binary }])) },
  },
  responses: { 201: json(ProxyDocumentSchema, 'Uploaded') },
});
const showDocument = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/proxy-documents/{documentId}',
  summary: '授权委托书（供核对）/ A proxy authorisation (for the second check)',
  access: TELLERS,
  request: { params: meetingParams.extend({ documentId: z.uuid() }) },
  responses: { 200: fileResponse('application/pdf', 'The document (PDF or image)') },
});

/** The count desk's paper: the reconciliation, the sheet counts, and proxies' signed authorisations. */
export const paperRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(reconciliation, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status === 'draft') throw fail('meeting_missing');
      return c.json(await reconcile(ctx, meeting), 200);
    })
    .openapi(sheetCounts, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status === 'draft') throw fail('meeting_missing');
      if (meeting.status === 'closed') throw fail('not_open');
      const { issued, returned } = c.req.valid('json');
      const [row] = await ctx.db
        .update(meetings)
        .set({ sheetsIssued: issued, sheetsReturned: returned })
        .where(eq(meetings.id, meeting.id))
        .returning();
      await ctx.audit.append({
        action: 'sheet_counts_recorded',
        targetType: 'voting_meeting',
        targetId: meeting.id,
        details: { issued, returned },
      });
      return c.json(await reconcile(ctx, row!), 200);
    })
    .openapi(uploadDocument, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await loadMeeting(ctx, c.req.valid('param').meetingId);
      if (meeting.status !== 'open') throw fail('not_open');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_DOCUMENT_BYTES) throw fail('document_too_large');
      const document = await cleanUpload(bytes, DOCUMENT_TYPES);
      if (!document) throw fail('document_invalid');
      const id = newId();
      // The digest the chain names is of the bytes kept and served, so the served file can be checked against it.
      const digest = sha256HexOfBytes(document.bytes);
      await ctx.db.insert(proxyDocuments).values({
        id,
        tenantId: ctx.tenant.id,
        meetingId: meeting.id,
        mediaType: document.type,
        bytes: document.bytes,
        digest,
        uploadedBy: ctx.actor!.id,
        createdAt: ctx.now(),
      });
      return c.json({ id, digest, mediaType: document.type, size: document.bytes.length }, 201);
    })
    .openapi(showDocument, async (c) => {
      const ctx = c.get('plugin');
      const { meetingId, documentId } = c.req.valid('param');
      const [row] = await ctx.db
        .select({ bytes: proxyDocuments.bytes, mediaType: proxyDocuments.mediaType })
        .from(proxyDocuments)
        .where(and(eq(proxyDocuments.id, documentId), eq(proxyDocuments.meetingId, meetingId)));
      if (!row) throw fail('document_missing');
      return c.body(new Uint8Array(row.bytes), 200, uploadHeaders(row.mediaType, `proxy-authorisation-${documentId}`));
    });
