import { bytea, idColumn, tenantColumn } from '@city/plugin-sdk/schema';
import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  ActivityKind,
  CommitmentStatus,
  DutyStatus,
  MeetingType,
  PhotoSubject,
  CommitteeLevel,
  LeaderKind,
  MemberEventKind,
  MemberStatus,
  OfficerPosition,
  PointTrigger,
} from './values.ts';

// Created by migrations/0000_party.sql, with forced row-level security and the plugin's role.

/** A 街道党工委 or 社区党委: a region's row, kept by that region's staff. */
export const committees = pgTable('party_committees', {
  regionId: uuid('region_id').primaryKey(),
  level: text('level').$type<CommitteeLevel>().notNull(),
  name: text('name').notNull(),
  secretary: text('secretary').notNull().default(''),
  phone: text('phone').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The neighbourhood's 小区党支部 (one per neighbourhood). */
export const branches = pgTable('party_branches', {
  tenantId: tenantColumn().primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'functional' | 'standing'>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const officers = pgTable(
  'party_officers',
  {
    tenantId: tenantColumn(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    position: text('position').$type<OfficerPosition>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

/** A 楼栋党小组. */
export const groups = pgTable('party_groups', {
  id: idColumn(),
  tenantId: tenantColumn(),
  name: text('name').notNull(),
  leaderUserId: uuid('leader_user_id'),
  leaderName: text('leader_name').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const groupBuildings = pgTable(
  'party_group_buildings',
  {
    tenantId: tenantColumn(),
    buildingId: uuid('building_id').notNull(),
    groupId: uuid('group_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.buildingId] })],
);

/** 楼栋长 / 单元长 / 楼层长. */
export const leaders = pgTable('party_leaders', {
  id: idColumn(),
  tenantId: tenantColumn(),
  kind: text('kind').$type<LeaderKind>().notNull(),
  buildingId: uuid('building_id').notNull(),
  entrance: text('entrance').notNull().default(''),
  floor: integer('floor'),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A 在职党员's registration with this neighbourhood's branch. */
export const members = pgTable('party_members', {
  id: idColumn(),
  tenantId: tenantColumn(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<MemberStatus>().notNull(),
  workUnit: text('work_unit').notNull(),
  homeUnitId: uuid('home_unit_id').notNull(),
  homeAddress: text('home_address').notNull(),
  groupId: uuid('group_id'),
  consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
  consentVersion: text('consent_version').notNull(),
  showBadge: boolean('show_badge').notNull().default(false),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  endNote: text('end_note').notNull().default(''),
});

export const memberEvents = pgTable('party_member_events', {
  id: idColumn(),
  tenantId: tenantColumn(),
  memberId: uuid('member_id').notNull(),
  kind: text('kind').$type<MemberEventKind>().notNull(),
  actorName: text('actor_name').notNull(),
  note: text('note').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** 承诺: what a member commits to for a year, and its fulfilment (践诺) once the branch confirms it. */
export const commitments = pgTable('party_commitments', {
  id: idColumn(),
  tenantId: tenantColumn(),
  memberId: uuid('member_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  status: text('status').$type<CommitmentStatus>().notNull(),
  evidence: text('evidence').notNull().default(''),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedByName: text('decided_by_name').notNull().default(''),
});

/** What earns points in this branch. */
export const pointRules = pgTable('party_point_rules', {
  id: idColumn(),
  tenantId: tenantColumn(),
  name: text('name').notNull(),
  points: integer('points').notNull(),
  yearlyCap: integer('yearly_cap'),
  awardedBy: text('awarded_by').$type<'branch' | 'organiser'>().notNull(),
  trigger: text('trigger').$type<PointTrigger>(),
  active: boolean('active').notNull().default(true),
});

/** The ledger: only ever added to (the role has no UPDATE or DELETE on it). */
export const points = pgTable('party_points', {
  id: idColumn(),
  tenantId: tenantColumn(),
  memberId: uuid('member_id').notNull(),
  ruleId: uuid('rule_id'),
  year: integer('year').notNull(),
  points: integer('points').notNull(),
  reason: text('reason').notNull(),
  source: text('source'),
  reverses: uuid('reverses'),
  awardedByName: text('awarded_by_name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** 三会一课, volunteer work, publicity. */
export const activities = pgTable('party_activities', {
  id: idColumn(),
  tenantId: tenantColumn(),
  kind: text('kind').$type<ActivityKind>().notNull(),
  meetingType: text('meeting_type').$type<MeetingType>(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  place: text('place').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  capacity: integer('capacity'),
  openToResidents: boolean('open_to_residents').notNull().default(false),
  ruleId: uuid('rule_id'),
  status: text('status').$type<'planned' | 'held' | 'cancelled'>().notNull(),
  organiserName: text('organiser_name').notNull(),
  attendanceTakenAt: timestamp('attendance_taken_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const signups = pgTable(
  'party_signups',
  {
    tenantId: tenantColumn(),
    activityId: uuid('activity_id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    memberId: uuid('member_id'),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    attended: boolean('attended'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.activityId, t.userId] })],
);

/** 职责清单: the branch's duties for a year, with how far each has come. */
export const duties = pgTable('party_duties', {
  id: idColumn(),
  tenantId: tenantColumn(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  status: text('status').$type<DutyStatus>().notNull(),
  evidence: text('evidence').notNull().default(''),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByName: text('updated_by_name').notNull().default(''),
});

/** A resident's need a member collected, as the 码上提 report it became. */
export const needs = pgTable('party_needs', {
  id: idColumn(),
  tenantId: tenantColumn(),
  memberId: uuid('member_id').notNull(),
  reportId: uuid('report_id').notNull(),
  reportNumber: integer('report_number').notNull(),
  reportLink: text('report_link').notNull(),
  summary: text('summary').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const photos = pgTable('party_photos', {
  id: idColumn(),
  tenantId: tenantColumn(),
  subject: text('subject').$type<PhotoSubject>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
