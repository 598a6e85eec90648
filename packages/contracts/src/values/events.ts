import type { TenantRole } from './enums.ts';
import type { VerificationStatus } from './verification.ts';

/**
 * Events the core emits for plugins, with their payloads. The core writes them in the transaction of the change
 * (so a rolled-back change has none); the plugin runtime hands them to installed plugins after the commit.
 */
export interface CoreEventPayloads {
  'member.joined': { userId: string; roles: TenantRole[]; via: 'invitation' | 'verification' };
  'member.left': { userId: string; via: 'removed' | 'verification' };
  'unit.owner_changed': { unitId: string; owners: number };
  'verification.changed': { verificationId: string; unitId: string; userId: string; status: VerificationStatus };
  'registry.imported': { importId: string } & Record<string, number | string>;
}

export type CoreEventName = keyof CoreEventPayloads;

/** Plugin events are `<pluginId>.<name>`; core events have their own fixed names. */
export const EVENT_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_]*$/;
