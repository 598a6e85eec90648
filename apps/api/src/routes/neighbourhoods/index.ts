import { createRouter } from '../../lib/router.ts';
import * as search from './neighbourhoods.search.ts';

export const neighbourhoodRoutes = createRouter().openapi(search.route, search.handler);
