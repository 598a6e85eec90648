import { z } from '@hono/zod-openapi';
import { IdSchema, TimestampSchema } from './common.ts';
import { displayText } from './text.ts';

export const ImportErrorSchema = z.object({
  row: z
    .number()
    .int()
    .openapi({ description: '表格中的行号（含表头，第一行数据为2）/ Row number in the sheet, header = 1' }),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const RegistryImportSchema = z
  .object({
    id: IdSchema,
    fileName: z.string(),
    status: z.enum(['invalid', 'ready', 'applying', 'applied', 'failed']),
    rowCount: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(ImportErrorSchema).openapi({ description: '最多前1000条 / the first 1,000' }),
    summary: z.record(z.string(), z.number()).nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    createdAt: TimestampSchema,
    finishedAt: TimestampSchema.nullable(),
  })
  .openapi('RegistryImport');

export const ImportUploadQuerySchema = z.object({
  // Shown in the list of imports: a name like any other (`\u202e` in `registry\u202evsc.exe` shows it as registryexe.csv).
  fileName: displayText(200).default('registry.csv'),
});

export const ExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
