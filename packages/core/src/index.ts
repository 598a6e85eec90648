export * from './errors.ts';
export * from './names.ts';
export * from './pagination.ts';
export * from './services.ts';
export type { Principal } from './applications.ts';
export { pseudonymOf, type PluginPersonalData, type StaffRef, type TenantRef } from './personal-data.ts';
export type { RequestMeta } from './accounts.ts';
export * from './maintenance.ts';
export * from './audit.ts';
export { canRead, noticeState } from './notices.ts';
export {
  allUnits,
  currentOwnerships,
  homesFrom,
  isVerifiedResident,
  verifiedHomes,
  verifiedOwnerIds,
  type HomeRow,
} from './registry.ts';
export { addressOf } from './verification.ts';
export { unconfirmedLookalikes } from './owner-lookalikes.ts';
export { unitChangesSince, type UnitChange, type UnitChangeKind } from './unit-changes.ts';
export * from './pii-key.ts';
export { CLAIM_LIMIT, type Claimant, type Reader } from './verification.ts';
export { templateTable } from './registry-import/imports.ts';
export type { EventOutbox } from './events.ts';
export * from './voting/index.ts';
export * from './notifications/index.ts';
export { verificationTodos } from './todos.ts';
export { dropProfileBadges, profileBadgesOf, setProfileBadge, type ProfileBadgeView } from './profile-badges.ts';
export { headerOf, membershipsIn } from './tenants.ts';
export { TenantRuns } from './tenant-runs.ts';
export * from './calendar/index.ts';
export * from './feedback/index.ts';
export * from './ledger/index.ts';
export * from './committee/index.ts';
