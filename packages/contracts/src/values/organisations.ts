/**
 * Organisations are businesses registered once on the platform that work for many neighbourhoods (a service vendor
 * today, a property-management company tomorrow). Their staff act for them with one of these roles:
 * owner (负责人: everything, including staff), manager (管理员: runs the business), staff (服务人员: day-to-day work).
 */
export const ORGANISATION_ROLES = ['owner', 'manager', 'staff'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
