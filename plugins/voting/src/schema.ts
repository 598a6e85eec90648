import { bytea, idColumn, tenantColumn } from '@city/plugin-sdk/schema';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Created by migrations/0000_voting.sql, with forced row-level security and the plugin's own role.

const at = (name: string) => timestamp(name, { withTimezone: true });
const hidden = {
  hiddenReason: text('hidden_reason'),
  hiddenByName: text('hidden_by_name'),
  hiddenAt: at('hidden_at'),
};

/** 议事: a topic raised by a verified resident, for the whole neighbourhood or one building. */
export const topics = pgTable('voting_topics', {
  id: idColumn(),
  tenantId: tenantColumn(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  buildingId: uuid('building_id'),
  buildingName: text('building_name'),
  authorId: uuid('author_id').notNull(),
  authorName: text('author_name').notNull(),
  supportCount: integer('support_count').notNull().default(0),
  replyCount: integer('reply_count').notNull().default(0),
  ...hidden,
  motionId: uuid('motion_id'),
  createdAt: at('created_at').notNull(),
  lastActivityAt: at('last_activity_at').notNull(),
});

export const replies = pgTable('voting_replies', {
  id: idColumn(),
  tenantId: tenantColumn(),
  topicId: uuid('topic_id').notNull(),
  authorId: uuid('author_id').notNull(),
  authorName: text('author_name').notNull(),
  body: text('body').notNull(),
  ...hidden,
  createdAt: at('created_at').notNull(),
});

/** 附议: one per person and topic (the primary key). */
export const supports = pgTable(
  'voting_supports',
  {
    tenantId: tenantColumn(),
    topicId: uuid('topic_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

export const reports = pgTable('voting_reports', {
  id: idColumn(),
  tenantId: tenantColumn(),
  topicId: uuid('topic_id').notNull(),
  replyId: uuid('reply_id'),
  reporterId: uuid('reporter_id').notNull(),
  reason: text('reason').notNull(),
  createdAt: at('created_at').notNull(),
  resolvedAt: at('resolved_at'),
});

export type MeetingStatus = 'draft' | 'announced' | 'open' | 'closed';
export type Disclosure = 'named' | 'room' | 'hidden';

/** 业主大会: one meeting, its voting window, its frozen roll (hash, totals) and its ballot chain's head. */
export const meetings = pgTable('voting_meetings', {
  id: idColumn(),
  tenantId: tenantColumn(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<MeetingStatus>().notNull(),
  opensAt: at('opens_at').notNull(),
  closesAt: at('closes_at').notNull(),
  allowChange: boolean('allow_change').notNull().default(false),
  revealLive: boolean('reveal_live').notNull().default(false),
  disclosure: text('disclosure').$type<Disclosure>().notNull().default('room'),
  createdBy: uuid('created_by').notNull(),
  createdAt: at('created_at').notNull(),
  announcedAt: at('announced_at'),
  noticeId: uuid('notice_id'),
  /** The roll's totals as the registry stood at the announcement, published on the meeting notice. */
  announcedRollArea: bigint('announced_roll_area', { mode: 'number' }),
  announcedRollCount: integer('announced_roll_count'),
  announcedRollHash: text('announced_roll_hash'),
  openedAt: at('opened_at'),
  /** The roll commitment (board/commitment.ts). */
  rollHash: text('roll_hash'),
  /** The key of the meeting's pseudonyms (units, voters, proxy holders on its board); never published. */
  rollSalt: text('roll_salt'),
  /** The chain's first link: the roll commitment extended by the meeting's terms. */
  chainStart: text('chain_start'),
  rollArea: bigint('roll_area', { mode: 'number' }),
  rollCount: integer('roll_count'),
  ballotSeq: integer('ballot_seq').notNull().default(0),
  chainHead: text('chain_head'),
  closedAt: at('closed_at'),
  resultNoticeId: uuid('result_notice_id'),
  /** Paper sheets handed out and collected, as the tellers counted them (the reconciliation's first two lines). */
  sheetsIssued: integer('sheets_issued'),
  sheetsReturned: integer('sheets_returned'),
});

export const motions = pgTable('voting_motions', {
  id: idColumn(),
  tenantId: tenantColumn(),
  meetingId: uuid('meeting_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<'motion' | 'election'>().notNull(),
  matterType: text('matter_type').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  seats: integer('seats'),
  byElection: boolean('by_election').notNull().default(false),
  topicId: uuid('topic_id'),
  result: jsonb('result'),
  /** The buildings whose owners decide it (docs/domain.md §1, scope); null for the whole neighbourhood. */
  scope: uuid('scope').array(),
});

export const candidates = pgTable('voting_candidates', {
  id: idColumn(),
  tenantId: tenantColumn(),
  motionId: uuid('motion_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  statement: text('statement').notNull().default(''),
});

/** A counting owner (计票主体) of a meeting's frozen roll. */
export const rollOwners = pgTable('voting_roll_owners', {
  id: idColumn(),
  tenantId: tenantColumn(),
  meetingId: uuid('meeting_id').notNull(),
  key: text('key').notNull(),
  kind: text('kind').$type<'developer' | 'owner'>().notNull(),
  area: bigint('area', { mode: 'number' }).notNull(),
  ownerIds: uuid('owner_ids').array().notNull(),
  voterOwnerIds: uuid('voter_owner_ids').array().notNull(),
  /** The owners' names as the registry had them, one per owner of `ownerIds`. */
  names: text('names').array().notNull(),
  label: text('label').notNull(),
});

export const rollUnits = pgTable(
  'voting_roll_units',
  {
    tenantId: tenantColumn(),
    meetingId: uuid('meeting_id').notNull(),
    rollOwnerId: uuid('roll_owner_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    buildingId: uuid('building_id'),
    buildingName: text('building_name').notNull(),
    room: text('room').notNull(),
    area: integer('area').notNull(),
    areaSource: text('area_source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

export type Channel = 'online' | 'paper' | 'proxy';
export type BallotStatus = 'pending' | 'accepted' | 'superseded' | 'rejected';

/** One counting owner's ballot paper for a meeting: a choice per motion (the chain entry makes it tamper-evident). */
export const ballots = pgTable('voting_ballots', {
  id: idColumn(),
  tenantId: tenantColumn(),
  meetingId: uuid('meeting_id').notNull(),
  rollOwnerId: uuid('roll_owner_id').notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  status: text('status').$type<BallotStatus>().notNull(),
  choices: jsonb('choices').$type<Record<string, unknown>>().notNull(),
  receipt: text('receipt').notNull(),
  idempotencyKey: text('idempotency_key'),
  castBy: uuid('cast_by'),
  paperRef: text('paper_ref'),
  proxyName: text('proxy_name'),
  proxyAuthorisation: text('proxy_authorisation'),
  enteredBy: uuid('entered_by'),
  enteredByName: text('entered_by_name'),
  confirmedBy: uuid('confirmed_by'),
  confirmedByName: text('confirmed_by_name'),
  supersedes: text('supersedes'),
  /** The salt of the choices' digest in the chain, published with the choices at the count. */
  nonce: text('nonce'),
  /** When the paper sheet reached the tellers. */
  receivedAt: at('received_at'),
  /** The whole sheet is 废票: it takes part and agrees with nothing. */
  wholeInvalid: boolean('whole_invalid').notNull().default(false),
  proxyDocumentId: uuid('proxy_document_id'),
  createdAt: at('created_at').notNull(),
  acceptedAt: at('accepted_at'),
  seq: integer('seq'),
  prevHash: text('prev_hash'),
  entryHash: text('entry_hash'),
});

/** Each unit's counting area and a digest of its counting owner's key, as the roll stood at the announcement. */
/** Per unit at the announcement: its counting area, its counting owner and who may vote for it (digested). */
export type AnnouncedUnits = Record<string, [area: number, owner: string, voters?: string]>;

/** A unit whose place on the roll changed between the announcement and the opening. */
export interface RollChange {
  unitId: string;
  /** As on the frozen roll; null for a unit no longer in the registry. */
  address: string | null;
  what: 'owners' | 'voters' | 'area' | 'owners_and_area' | 'added' | 'removed';
  areaBefore: number | null;
  areaAfter: number | null;
  /** What the registry recorded for the unit meanwhile (its audit trail). */
  records: Array<{ kind: 'owners_changed' | 'unit_updated' | 'imported' | 'owners_merged'; reason: string | null }>;
}

/**
 * The roll as announced, unit by unit, kept to list at opening what changed since (docs/domain.md §2.3): one row per
 * meeting, its units in one compact JSON object (about 70 bytes a unit); `changes` is that list, once voting opened.
 */
export const rollAnnouncements = pgTable(
  'voting_roll_announcements',
  {
    tenantId: tenantColumn(),
    meetingId: uuid('meeting_id').notNull(),
    takenAt: at('taken_at').notNull(),
    units: jsonb('units').$type<AnnouncedUnits>().notNull(),
    changes: jsonb('changes').$type<RollChange[]>(),
    changesNoticeId: uuid('changes_notice_id'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.meetingId] })],
);

export type ProxyDocumentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/** A proxy's signed authorisation (委托书), as uploaded: its digest is what the ballot's chain entry names. */
export const proxyDocuments = pgTable('voting_proxy_documents', {
  id: idColumn(),
  tenantId: tenantColumn(),
  meetingId: uuid('meeting_id').notNull(),
  mediaType: text('media_type').$type<ProxyDocumentType>().notNull(),
  bytes: bytea('bytes').notNull(),
  digest: text('digest').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: at('created_at').notNull(),
});

/** A sheet number typed a second time, refused (the reconciliation counts them). */
export const sheetRefusals = pgTable('voting_sheet_refusals', {
  id: idColumn(),
  tenantId: tenantColumn(),
  meetingId: uuid('meeting_id').notNull(),
  paperRef: text('paper_ref').notNull(),
  enteredBy: uuid('entered_by').notNull(),
  createdAt: at('created_at').notNull(),
});
