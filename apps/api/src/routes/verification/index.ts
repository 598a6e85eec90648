import { createRouter } from '../../lib/router.ts';
import * as approve from './verification.approve.ts';
import * as claim from './verification.claim.ts';
import * as letters from './verification.letters.ts';
import * as list from './verification.list.ts';
import * as mine from './verification.mine.ts';
import * as reject from './verification.reject.ts';
import * as request from './verification.request.ts';
import * as revoke from './verification.revoke.ts';

export const verificationRoutes = createRouter()
  .openapi(claim.route, claim.handler)
  .openapi(request.route, request.handler)
  .openapi(mine.route, mine.handler)
  .openapi(list.route, list.handler)
  .openapi(approve.route, approve.handler)
  .openapi(reject.route, reject.handler)
  .openapi(revoke.route, revoke.handler)
  .openapi(letters.route, letters.handler);
