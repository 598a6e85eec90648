import { z } from '@hono/zod-openapi';
import {
  IdSchema,
  REGISTRY_COLUMNS,
  RegistryImportSchema,
  VALIDATION_MESSAGES,
  isValidationMessageKey,
  type Locale,
} from '@city/contracts';
import type { Services } from '@city/core';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const importParams = tenantParams.extend({ importId: IdSchema });
export const importList = z.object({ items: z.array(RegistryImportSchema) }).openapi('RegistryImportList');

type ImportView = Awaited<ReturnType<Services['registryImports']['get']>>;

/** The report in the reader's language: messages from the validation catalogue, columns as in their template. */
export function localizeImport(view: ImportView, locale: Locale) {
  return serialize({
    ...view,
    errors: view.errors.map((e) => ({
      row: e.row,
      column:
        e.column && locale === 'en' ? (REGISTRY_COLUMNS.find((c) => c.label === e.column)?.key ?? e.column) : e.column,
      code: e.code,
      message: VALIDATION_MESSAGES[isValidationMessageKey(e.code) ? e.code : 'invalid'][locale],
    })),
  });
}
