import { createRouter } from '../../lib/router.ts';
import * as passwordReset from './auth.password-reset.ts';
import * as phoneCode from './auth.phone-code.ts';
import * as sessionsList from './auth.sessions.list.ts';
import * as sessionsRevoke from './auth.sessions.revoke.ts';
import * as signIn from './auth.sign-in.ts';
import * as signOut from './auth.sign-out.ts';
import * as signUp from './auth.sign-up.ts';

export const authRoutes = createRouter()
  .openapi(phoneCode.route, phoneCode.handler)
  .openapi(signUp.route, signUp.handler)
  .openapi(signIn.route, signIn.handler)
  .openapi(passwordReset.route, passwordReset.handler)
  .openapi(signOut.route, signOut.handler)
  .openapi(sessionsList.route, sessionsList.handler)
  .openapi(sessionsRevoke.route, sessionsRevoke.handler);
