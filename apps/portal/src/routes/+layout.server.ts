import { ME_DEPENDENCY } from '#lib/dependencies.ts';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals, depends }) => {
  depends(ME_DEPENDENCY);
  return { locale: locals.locale, me: locals.me };
}) satisfies LayoutServerLoad;
