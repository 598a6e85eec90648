import { createRouter } from '../../lib/router.ts';
import * as approve from './applications.approve.ts';
import * as contact from './applications.contact.ts';
import * as create from './applications.create.ts';
import * as mine from './applications.mine.ts';
import * as reject from './applications.reject.ts';
import * as reviewList from './applications.review-list.ts';

export const applicationRoutes = createRouter()
  .openapi(create.route, create.handler)
  .openapi(mine.route, mine.handler)
  .openapi(reviewList.route, reviewList.handler)
  .openapi(contact.route, contact.handler)
  .openapi(approve.route, approve.handler)
  .openapi(reject.route, reject.handler);
