import type { PageKit, PluginPageProps } from '@city/plugin-sdk/portal';
import type { z } from '@hono/zod-openapi';
import type {
  Activity,
  ActivityDetail,
  Assessment,
  BranchAdmin,
  Commitment,
  DutyList,
  Member,
  MemberListSchema,
  MyPointsSchema,
  Overview,
  PointEntry,
  RegionBranch,
  RegionOverview,
} from '../contracts.ts';
import type { CommitmentStatus, MemberStatus } from '../values.ts';
import type { MessageKey } from './messages/index.ts';

// Types only: the portal bundle must not pull zod schemas (or any server code) in with them.

export type { Activity, ActivityDetail, Assessment, BranchAdmin, Commitment, DutyList, Member, Overview, PointEntry };
export type { RegionBranch, RegionOverview };
export type PointRule = Assessment['rules'][number];
export type MyPoints = z.infer<typeof MyPointsSchema>;
export type Leader = BranchAdmin['leaders'][number];
export type Group = BranchAdmin['groups'][number];
export type MemberList = z.infer<typeof MemberListSchema>;

/** Someone to call (a person in charge, a committee), as the pages list them. */
/** `detail` may hold `{placeholders}` that `names` fill, marked as names people typed. */
export type Contact = {
  key: string;
  name: string;
  detail: string;
  names?: Record<string, string>;
  phone: string;
  masked: string;
};

export type HomeData = { overview: Overview };
export type BranchData = { admin: BranchAdmin };
/** The list as filtered (`status`: null for every status). */
export type MembersData = { list: MemberList; status: MemberStatus | null };
export type RegionData = { region: RegionOverview };
/** The caller's year; null when they are not a confirmed member (only members commit and earn points). */
export type MineData = { mine: MyPoints | null };
/** `now` (ms) is the server's clock when the page loaded: a sign-up may be cancelled until the activity starts. */
export type ActivitiesData = { items: Activity[]; now: number };
/** The list as filtered (`status`: null for every status). */
export type CommitmentsData = { items: Commitment[]; status: CommitmentStatus | null };
export type PointsData = { assessment: Assessment; ledger: PointEntry[] };
export type BranchActivitiesData = { items: Activity[]; rules: PointRule[] };
/** `started`: whether the activity has begun (attendance and photos come after). */
export type BranchActivityData = { activity: ActivityDetail; started: boolean };
export type DutiesData = { list: DutyList };
export type RegionBranchData = { branch: RegionBranch };

/** A page's props and its kit, knowing the plugin's message keys: a misspelt `kit.t('…')` fails the type check. */
export type PageProps<Data> = PluginPageProps<Data, MessageKey>;
export type Kit = PageKit<MessageKey>;
