import { passPluginFile } from '#lib/server/plugin-pages.ts';
import type { RequestHandler } from './$types';

/** Files a plugin's public API answers (a printable result notice…): the QR codes on paper lead here. */
export const GET: RequestHandler = (event) => passPluginFile(event, 'public', event.params.tenant);
