import type { PageKit, PluginPageProps } from '@city/plugin-sdk/portal';
import type { z } from '@hono/zod-openapi';
import type { BranchAdmin, Member, MemberListSchema, Overview, RegionOverview } from '../contracts.ts';
import type { MemberStatus } from '../values.ts';
import type { MessageKey } from './messages/index.ts';

// Types only: the portal bundle must not pull zod schemas (or any server code) in with them.

export type { BranchAdmin, Member, Overview, RegionOverview };
export type Leader = BranchAdmin['leaders'][number];
export type Group = BranchAdmin['groups'][number];
export type MemberList = z.infer<typeof MemberListSchema>;

/** Someone to call (a person in charge, a committee), as the pages list them. */
export type Contact = { key: string; name: string; detail: string; phone: string; masked: string };

export type HomeData = { overview: Overview };
export type BranchData = { admin: BranchAdmin };
/** The list as filtered (`status`: null for every status). */
export type MembersData = { list: MemberList; status: MemberStatus | null };
export type RegionData = { region: RegionOverview };

/** A page's props and its kit, knowing the plugin's message keys: a misspelt `kit.t('…')` fails the type check. */
export type PageProps<Data> = PluginPageProps<Data, MessageKey>;
export type Kit = PageKit<MessageKey>;
