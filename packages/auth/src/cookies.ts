export const SESSION_COOKIE = 'cl_session';

/** HttpOnly, SameSite=Lax, path /; Secure everywhere but plain-http localhost (packages/auth/README.md). */
export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return {
    httpOnly: true,
    secure,
    sameSite: 'Lax' as const,
    path: '/',
    expires: expiresAt,
  };
}
