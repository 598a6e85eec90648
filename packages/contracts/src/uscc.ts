import { z } from '@hono/zod-openapi';
import { isValidUscc, normaliseUscc } from './values/uscc.ts';

export const UsccSchema = z
  .string({ error: 'required' })
  .transform(normaliseUscc)
  .pipe(z.string().length(18, { error: 'uscc_length' }).refine(isValidUscc, { error: 'uscc_invalid' }))
  .openapi({ example: '91350100M000100Y43', description: '统一社会信用代码（18位，按 GB 32100 校验）' });
