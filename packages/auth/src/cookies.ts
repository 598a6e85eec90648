export const SESSION_COOKIE = 'cl_session';

/** HttpOnly, SameSite=Lax, path /; Secure everywhere but plain-http localhost (DESIGN §8). */
export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return {
    httpOnly: true,
    secure,
    sameSite: 'Lax' as const,
    path: '/',
    expires: expiresAt,
  };
}
