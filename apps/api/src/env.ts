import type { Locale, OrganisationRole, Region, TenantRole } from '@city/contracts';
import type { ApiServices } from './services.ts';
import type { Tx } from '@city/db';
import type { SessionCredential, SessionUser } from '@city/auth';

export interface Actor extends SessionUser {
  sessionId: string;
  /** How the session arrived: cookies need CSRF protection, bearer tokens do not. */
  via: 'cookie' | 'bearer';
}

export interface TenantContext {
  id: string;
  slug: string;
  name: string;
  address: string;
}

interface MemberContext {
  /** Null only on `tenant:visitor` routes, for a caller who is not (yet) a member. */
  id: string | null;
  roles: TenantRole[];
}

/** The one environment type of every router, middleware and handler (docs/adding-an-endpoint.md). */
export interface AppEnv {
  Variables: {
    services: ApiServices;
    locale: Locale;
    /**
     * The caller, once settled (settleActor in lib/session.ts, or entering a neighbourhood with the session): unset
     * before, which every reader treats as no one. The access checks settle it before anything reads it.
     */
    actor: Actor | null;
    /** The session the request carries, not yet checked (sessionMiddleware); null without one. */
    credential: (SessionCredential & { via: Actor['via'] }) | null;
    /** Set on tenant routes by enterTenant(): the route's neighbourhood, the caller's membership, its transaction. */
    tenant: TenantContext;
    member: MemberContext;
    tx: Tx;
    /** Set on organisation routes by the access check: the route's organisation and the caller's role in it. */
    organisation: { id: string; role: OrganisationRole; name: string };
    /** Set on region routes by the access check: the route's region, whose staff (or staff above it) the caller is. */
    staffRegion: Region;
    /** Set on a 街道 department's routes once the caller is known to act for it (supervision.departments.ts). */
    department: { id: string; name: string; street: string };
  };
}
