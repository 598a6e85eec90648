/** Roles a person holds inside one neighbourhood. "owner" is not here: it follows from the property registry. */
export const TENANT_ROLES = ['admin', 'staff', 'committee', 'resident'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Levels of the administrative tree above neighbourhoods: 区 → 街道 → 社区. */
export const REGION_KINDS = ['district', 'street', 'community'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The kind a region's parent must have; districts are roots. */
export const REGION_PARENT_KIND: Record<RegionKind, RegionKind | null> = {
  district: null,
  street: 'district',
  community: 'street',
};

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const SMS_PURPOSES = ['sign-up', 'password-reset', 'invitation', 'account-deletion', 'feedback'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
