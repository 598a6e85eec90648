import { z } from '@hono/zod-openapi';
import { hasBidiControl, isBlankText } from './values/text.ts';
import type { ValidationMessageKey } from './values/validation-messages.ts';

/**
 * A name or a title that others are shown — a person's display name, a neighbourhood's, a building's, an
 * organisation's, a notice's or a meeting's title: trimmed, not blank (white space and zero-width characters alone
 * are no name), and free of bidirectional controls, which would let `"\u202e国建陈"` pass for 陈建国. The one
 * refinement every such field uses, core and plugins alike. Characters no text may hold at all (NUL, unpaired
 * surrogates) are refused for every field before validation (the API's input guard).
 */
export function displayText(
  max: number,
  messages: { required?: ValidationMessageKey; tooLong?: ValidationMessageKey } = {},
) {
  const { required = 'required', tooLong = 'too_big' } = messages;
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required, abort: true })
    .max(max, { error: tooLong })
    .refine((text) => !isBlankText(text), { error: required, abort: true })
    .refine((text) => !hasBidiControl(text), { error: 'text_bidi' });
}
