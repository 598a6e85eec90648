import type { TenantRole } from './enums.ts';
import type { OrganisationRole } from './organisations.ts';

/**
 * Who may call a route (default deny: a route without grants admits nobody).
 * - `public`: anyone; `user`: any signed-in person; `operator`: platform operators;
 * - `region-staff`: staff of some 街道/社区 (the handler narrows to their own branch, 404 elsewhere);
 * - `tenant:<role>`: members of the route's neighbourhood holding that role; `tenant:member`: any member;
 * - `tenant:visitor`: any signed-in person, inside the neighbourhood's transaction, member or not (claiming a unit
 *   is how residents join; such routes must reveal nothing of the neighbourhood beyond the caller's own rows);
 * - `plugin-role:<pluginId>.<role>`: members the admin gave a role that an installed plugin adds (plugin routes only);
 * - `org:<role>`: staff of the route's organisation (`:organisation`) holding that role; `org:member`: any of its
 *   staff. Others get 404 (an organisation's existence is not revealed), staff without the role 403;
 * - `region:staff`: staff of the route's region (`:region`, a region id) or of a region above it (a 街道's staff act in
 *   its 社区s, a 区's in everything under it). Everyone else, operators included, gets 404 (a region's existence is
 *   not revealed to outsiders).
 */
export type Grant =
  | 'public'
  | 'user'
  | 'operator'
  | 'region-staff'
  | `tenant:${TenantRole}`
  | 'tenant:member'
  | 'tenant:visitor'
  | `plugin-role:${string}.${string}`
  | `org:${OrganisationRole}`
  | 'org:member'
  | 'region:staff';

export const TENANT_MANAGERS = ['tenant:admin'] as const satisfies readonly Grant[];
export const TENANT_READERS = ['tenant:admin', 'tenant:staff'] as const satisfies readonly Grant[];

/** Who runs the notice board: admins and property staff. */
export const NOTICE_EDITORS = ['tenant:admin', 'tenant:staff'] as const satisfies readonly Grant[];

/** Who may read the property registry (personal data masked); only admins change it. */
export const REGISTRY_READERS = ['tenant:admin', 'tenant:staff'] as const satisfies readonly Grant[];

/** Who decides on resident verifications and prints invitation letters. */
export const VERIFIERS = ['tenant:admin'] as const satisfies readonly Grant[];

/** Who runs an organisation's profile and business; only owners change its staff. */
export const ORGANISATION_MANAGERS = ['org:owner', 'org:manager'] as const satisfies readonly Grant[];

/**
 * Who keeps the public-revenue ledger: the neighbourhood's admins and the owners' committee. Every member reads it;
 * signing an expense or a month's review is for the seated members of each body, which the ledger itself checks.
 */
export const TREASURERS = ['tenant:admin', 'tenant:committee'] as const satisfies readonly Grant[];
