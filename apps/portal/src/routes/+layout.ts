import { dictionaryOf } from '#lib/i18n/index.ts';
import type { LayoutLoad } from './$types';

/** The reader's words, for every page (`t`): loaded here, in the browser too, so a page never ships both languages. */
export const load = (async ({ data }) => ({ ...data, messages: await dictionaryOf(data.locale) })) satisfies LayoutLoad;
