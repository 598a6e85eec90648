import { countingArea, maskPhone, PERSONAL_DATA_FORMAT, type DataSubject, type TenantRole } from '@city/contracts';
import {
  SmsGate,
  type Clock,
  type PasswordHasher,
  type PhoneCodes,
  type RateLimiter,
  type SessionStore,
  type SmsSender,
} from '@city/auth';
import {
  asEraser,
  schema,
  withPerson,
  withTenant,
  withTenantReadOnly,
  withUser,
  type Database,
  type Tx,
} from '@city/db';
import { and, asc, count, eq, inArray, isNotNull, isNull, like, ne, or, sql } from 'drizzle-orm';
import type { RequestMeta } from './accounts.ts';
import { appendAudit, entriesNaming, ERASURE_ACTION, redactEntry } from './audit.ts';
import { AppError } from './errors.ts';
import type { EventOutbox } from './events.ts';
import { endMembership } from './members.ts';
import { verifiedOwnerIds } from './registry.ts';
import { sendText } from './sms-texts.ts';
import { addressOf } from './verification.ts';

/** A neighbourhood as the personal-data hooks receive it. */
export interface TenantRef {
  id: string;
  slug: string;
  name: string;
}

/**
 * What the core asks of the plugins installed in a neighbourhood, inside its transaction: their part of a person's
 * export, and the erasure of what they keep about the person. The API wires it to the plugin runtime: the core never
 * reads a plugin's tables nor imports a plugin.
 */
export interface PluginPersonalData {
  export(tx: Tx, tenant: TenantRef, subject: DataSubject): Promise<Record<string, unknown>>;
  erase(tx: Tx, tenant: TenantRef, subject: DataSubject): Promise<void>;
  /** The plugins' part about a business's staff member, each in the organisation's own transaction. */
  exportStaff(staff: StaffRef, subject: DataSubject): Promise<Record<string, unknown>>;
  eraseStaff(staff: StaffRef, subject: DataSubject): Promise<void>;
}

/** A person as a business's staff member: the business, who they are in it (no role once they left), since when gone. */
export interface StaffRef {
  organisation: { id: string; name: string };
  person: { id: string; displayName: string; role: 'owner' | 'manager' | 'staff' | null };
  leftAt: Date | null;
}

export type DeletionConfirmation = { method: 'password'; password: string } | { method: 'code'; code: string };

/** The signed-in person, as the session gives them. */
export interface Person {
  id: string;
  phone: string;
  displayName: string;
}

/** A staff member's subject: a business knows them by their account's name only. */
const staffSubject = (person: Person, pseudonym: string): DataSubject => ({
  userId: person.id,
  names: [person.displayName],
  ownerIds: [],
  pseudonym,
});

/** `已注销用户-3F9A2C`: what stands for an erased person in the records that keep naming someone. */
export const pseudonymOf = (userId: string) => `已注销用户-${userId.replace(/-/g, '').slice(-6).toUpperCase()}`;

const ERASED_REASON = '账号已注销 / account deleted';
/** What stands for the text of a 码上提 report whose reporter deleted their account. */
const ERASED_REPORT = '（反映人已注销账号，反映内容已删除）';

/** Replaces every text equal to a key of `replacements`, at any depth of a JSON value. */
export function replaceValues(value: unknown, replacements: ReadonlyMap<string, string | null>): unknown {
  if (typeof value === 'string') return replacements.has(value) ? replacements.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => replaceValues(v, replacements));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceValues(v, replacements)]));
  }
  return value;
}

const unique = (values: readonly (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => !!v && v.trim().length > 0)),
];

interface Deps {
  db: Database;
  clock: Clock;
  passwords: PasswordHasher;
  sessions: SessionStore;
  codes: PhoneCodes;
  sms: SmsSender;
  limiter: RateLimiter;
  events: EventOutbox;
}

/**
 * A person's rights over their own data (PIPL art. 45 access and copy, art. 47 deletion; docs/domain.md §5.5): the
 * export of everything the platform keeps about them, and the deletion of their account — personal fields erased or
 * replaced by a pseudonym, while the records the law requires to keep (ballots and their chain, the audit trail,
 * orders' money facts, the registry's ownership) stay, naming the pseudonym.
 */
export class PersonalData {
  private readonly deps: Deps;
  private readonly sms: SmsGate;

  constructor(deps: Deps) {
    this.deps = deps;
    this.sms = new SmsGate(deps.sms, deps.limiter);
  }

  /** Everything about the person, as JSON: the account, and per neighbourhood the core's rows and each plugin's. */
  async export(person: Person, plugins: PluginPersonalData) {
    const { db, clock, sessions } = this.deps;
    const [account] = await db.select().from(schema.users).where(eq(schema.users.id, person.id));
    const pseudonym = pseudonymOf(person.id);
    const neighbourhoods = [];
    for (const tenant of await this.footprint(person)) {
      neighbourhoods.push(
        await withTenantReadOnly(db, tenant.id, (tx) => this.exportIn(tx, tenant, person, pseudonym, plugins)),
      );
    }
    const own = await withPerson(db, { userId: person.id }, async (tx) => ({
      applications: await tx
        .select({
          id: schema.neighbourhoodApplications.id,
          name: schema.neighbourhoodApplications.name,
          address: schema.neighbourhoodApplications.address,
          communityName: schema.regions.name,
          applicantName: schema.neighbourhoodApplications.applicantName,
          applicantPhone: schema.neighbourhoodApplications.applicantPhone,
          note: schema.neighbourhoodApplications.note,
          status: schema.neighbourhoodApplications.status,
          reason: schema.neighbourhoodApplications.reason,
          createdAt: schema.neighbourhoodApplications.createdAt,
          decidedAt: schema.neighbourhoodApplications.decidedAt,
        })
        .from(schema.neighbourhoodApplications)
        .innerJoin(schema.regions, eq(schema.regions.id, schema.neighbourhoodApplications.communityId))
        .where(eq(schema.neighbourhoodApplications.applicantUserId, person.id))
        .orderBy(asc(schema.neighbourhoodApplications.createdAt)),
      reads: await tx
        .select({
          reader: schema.users.displayName,
          targetType: schema.personalDataReads.targetType,
          targetId: schema.personalDataReads.targetId,
          field: schema.personalDataReads.field,
          readAt: schema.personalDataReads.readAt,
        })
        .from(schema.personalDataReads)
        .innerJoin(schema.users, eq(schema.users.id, schema.personalDataReads.readerUserId))
        .where(eq(schema.personalDataReads.subjectUserId, person.id))
        .orderBy(asc(schema.personalDataReads.readAt)),
    }));
    const [preferences] = await db
      .select()
      .from(schema.notificationPreferences)
      .where(eq(schema.notificationPreferences.userId, person.id));
    const regions = await db
      .select({ id: schema.regions.id, kind: schema.regions.kind, name: schema.regions.name })
      .from(schema.regionStaff)
      .innerJoin(schema.regions, eq(schema.regions.id, schema.regionStaff.regionId))
      .where(eq(schema.regionStaff.userId, person.id));
    const organisations = [];
    for (const staff of await this.staffPlaces(person)) {
      const subject = staffSubject(person, pseudonym);
      organisations.push({
        ...staff.organisation,
        role: staff.person.role,
        leftAt: staff.leftAt,
        plugins: await plugins.exportStaff(staff, subject),
      });
    }
    return {
      format: PERSONAL_DATA_FORMAT,
      exportedAt: clock.now(),
      account: {
        id: account!.id,
        phone: account!.phone,
        displayName: account!.displayName,
        locale: account!.locale,
        isPlatformOperator: account!.isPlatformOperator,
        createdAt: account!.createdAt,
      },
      sessions: (await sessions.list(person.id)).map(({ createdAt, lastVerifiedAt, userAgent }) => ({
        createdAt,
        lastVerifiedAt,
        userAgent,
      })),
      notificationPreferences: preferences
        ? {
            channels: preferences.channels,
            quietHours: { start: preferences.quietStart, end: preferences.quietEnd },
            digest: preferences.digest,
            wechatOpenid: preferences.wechatOpenid,
          }
        : null,
      ...own,
      regions,
      organisations,
      neighbourhoods,
    };
  }

  /** Texts a code to the person's own number, to confirm the deletion of their account without the password. */
  async sendDeletionCode(person: Person, meta: RequestMeta) {
    const issued = await this.deps.codes.issue(person.phone, 'account-deletion');
    if (!issued.ok) throw new AppError('rate_limited', { retryAfter: issued.retryAfter });
    await sendText(this.sms, person.phone, { kind: 'code', code: issued.code }, meta.locale);
    return { expiresAt: issued.expiresAt, resendAfterSeconds: 60 };
  }

  /**
   * Deletes the person's account after they confirmed it again. Refused while they are the last admin of a
   * neighbourhood or the last owner (or the contact) of a business: someone must take over first. Each neighbourhood
   * is erased in its own transaction — the plugins' part, then the core's, then the audit trail's names — and the
   * account last, so a failure part-way leaves the person able to sign in and try again (every step can run twice).
   * Returns the neighbourhoods whose event outbox was written, for the caller to hand to the plugins.
   */
  async erase(person: Person, confirmation: DeletionConfirmation, plugins: PluginPersonalData) {
    const tenants = await this.footprint(person);
    // Before the confirmation: a texted code is not spent on a deletion that cannot happen yet.
    await this.refuseWhileInCharge(person, tenants);
    await this.confirm(person, confirmation);
    const pseudonym = pseudonymOf(person.id);
    for (const tenant of tenants) {
      await withTenant(this.deps.db, tenant.id, (tx) => this.eraseIn(tx, tenant, person, pseudonym, plugins));
    }
    for (const staff of await this.staffPlaces(person))
      await plugins.eraseStaff(staff, staffSubject(person, pseudonym));
    const erasedAt = this.deps.clock.now();
    await withPerson(this.deps.db, { userId: person.id }, (tx) => this.eraseAccount(tx, person, pseudonym, erasedAt));
    return { pseudonym, erasedAt, tenantIds: tenants.map((t) => t.id) };
  }

  private async confirm(person: Person, confirmation: DeletionConfirmation) {
    const confirmed =
      confirmation.method === 'password'
        ? await this.passwordMatches(person.id, confirmation.password)
        : await this.deps.codes.verify(person.phone, 'account-deletion', confirmation.code);
    if (!confirmed) throw new AppError('confirmation_invalid');
  }

  private async passwordMatches(userId: string, password: string) {
    const [user] = await this.deps.db
      .select({ hash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.id, userId));
    return !!user && this.deps.passwords.verify(user.hash, password);
  }

  /**
   * The neighbourhoods where the person is, or has been: a membership, a verification (kept after it ends), an
   * invitation to their number, an entry they made in the audit trail. Read through the person's own policies.
   */
  private footprint(person: Person): Promise<TenantRef[]> {
    return withUser(this.deps.db, person, async (tx) => {
      const { rows } = await tx.execute<{ id: string; slug: string; name: string }>(sql`
        select t.id, t.slug, t.name from tenants t where t.id in (
          select tenant_id from members where user_id = ${person.id}
          union select tenant_id from verifications where user_id = ${person.id}
          union select tenant_id from invitations where phone = ${person.phone}
          union select tenant_id from audit_log where actor_user_id = ${person.id})
        order by t.name`);
      return rows;
    });
  }

  /** The businesses the person works or worked for: their role in each, or when they left. */
  private async staffPlaces(person: Person): Promise<StaffRef[]> {
    const { rows } = await this.deps.db.execute<{
      id: string;
      name: string;
      role: StaffRef['person']['role'];
      left_at: Date | string | null;
    }>(sql`
      select o.id, o.name, m.role, null as left_at from organisation_members m
        join organisations o on o.id = m.organisation_id where m.user_id = ${person.id}
      union all
      select o.id, o.name, null, f.left_at from organisation_former_staff f
        join organisations o on o.id = f.organisation_id where f.user_id = ${person.id}
        and not exists (select 1 from organisation_members m where m.organisation_id = f.organisation_id
                        and m.user_id = f.user_id)
      order by name`);
    return rows.map(({ id, name, role, left_at }) => ({
      organisation: { id, name },
      person: { id: person.id, displayName: person.displayName, role },
      leftAt: left_at === null ? null : new Date(left_at),
    }));
  }

  private async refuseWhileInCharge(person: Person, tenants: TenantRef[]) {
    const { db } = this.deps;
    const charges: { 'zh-CN': string; en: string }[] = [];
    for (const tenant of tenants) {
      const lastAdmin = await withTenantReadOnly(db, tenant.id, async (tx) => {
        const m = schema.members;
        const [mine] = await tx
          .select({ id: m.id })
          .from(m)
          .where(and(eq(m.userId, person.id), sql`'admin' = any(${m.roles})`));
        if (!mine) return false;
        const [others] = await tx
          .select({ n: count() })
          .from(m)
          .where(and(ne(m.userId, person.id), sql`'admin' = any(${m.roles})`));
        return others!.n === 0;
      });
      if (lastAdmin)
        charges.push({ 'zh-CN': `「${tenant.name}」唯一的管理员`, en: `the only admin of ${tenant.name}` });
    }
    const o = schema.organisations;
    const om = schema.organisationMembers;
    const businesses = await db
      .select({ name: o.name, contactPhone: o.contactPhone, role: om.role, id: o.id })
      .from(om)
      .innerJoin(o, eq(o.id, om.organisationId))
      .where(eq(om.userId, person.id));
    for (const business of businesses) {
      const [owners] = await db
        .select({ n: count() })
        .from(om)
        .where(and(eq(om.organisationId, business.id), eq(om.role, 'owner'), ne(om.userId, person.id)));
      if (business.role === 'owner' && owners!.n === 0) {
        charges.push({ 'zh-CN': `「${business.name}」唯一的负责人`, en: `the only owner of ${business.name}` });
      } else if (business.contactPhone === person.phone) {
        charges.push({ 'zh-CN': `「${business.name}」的联系人`, en: `the contact of ${business.name}` });
      }
    }
    if (charges.length) {
      throw new AppError('account_in_charge', {
        detail: {
          'zh-CN': `您目前是${charges.map((c) => c['zh-CN']).join('、')}，请先移交后再注销。`,
          en: `You are ${charges.map((c) => c.en).join(', ')}; hand over first.`,
        },
      });
    }
  }

  /** Who the person is in one neighbourhood: the names they went by and the owner records they were verified as. */
  private async subjectIn(tx: Tx, person: Person, pseudonym: string) {
    const [member] = await tx
      .select({ displayName: schema.members.displayName })
      .from(schema.members)
      .where(eq(schema.members.userId, person.id));
    const verified = await tx
      .select({ displayName: schema.verifications.displayName })
      .from(schema.verifications)
      .where(eq(schema.verifications.userId, person.id));
    const invited = await tx
      .select({ displayName: schema.invitations.displayName })
      .from(schema.invitations)
      .where(eq(schema.invitations.phone, person.phone));
    const ownerIds = await verifiedOwnerIds(tx, person.id);
    const owners = ownerIds.length
      ? await tx
          .select({ id: schema.owners.id, name: schema.owners.name, phone: schema.owners.phone })
          .from(schema.owners)
          .where(or(inArray(schema.owners.id, ownerIds), inArray(schema.owners.mergedIntoId, ownerIds)))
      : [];
    const subject: DataSubject = {
      userId: person.id,
      names: unique([
        person.displayName,
        member?.displayName,
        ...verified.map((v) => v.displayName),
        ...invited.map((i) => i.displayName),
        ...owners.map((o) => o.name),
      ]),
      ownerIds: owners.map((o) => o.id),
      pseudonym,
    };
    return { subject, phones: unique([person.phone, ...owners.map((o) => o.phone)]) };
  }

  private async exportIn(tx: Tx, tenant: TenantRef, person: Person, pseudonym: string, plugins: PluginPersonalData) {
    const { subject } = await this.subjectIn(tx, person, pseudonym);
    const [membership] = await tx
      .select({
        displayName: schema.members.displayName,
        roles: schema.members.roles,
        joinedAt: schema.members.joinedAt,
      })
      .from(schema.members)
      .where(eq(schema.members.userId, person.id));
    const v = schema.verifications;
    const verifications = await tx
      .select({
        id: v.id,
        buildingName: schema.buildings.name,
        entrance: schema.units.entrance,
        room: schema.units.room,
        relation: v.relation,
        displayName: v.displayName,
        status: v.status,
        method: v.method,
        note: v.note,
        requestedAt: v.requestedAt,
        decidedAt: v.decidedAt,
        decisionReason: v.decisionReason,
        revokedAt: v.revokedAt,
        revokeReason: v.revokeReason,
      })
      .from(v)
      .innerJoin(schema.units, eq(schema.units.id, v.unitId))
      .innerJoin(schema.buildings, eq(schema.buildings.id, schema.units.buildingId))
      .where(eq(v.userId, person.id))
      .orderBy(asc(v.requestedAt));
    const owners = subject.ownerIds.length
      ? await tx
          .select({
            ownerId: schema.owners.id,
            name: schema.owners.name,
            phone: schema.owners.phone,
            idNumberMasked: schema.owners.idNumberMasked,
          })
          .from(schema.owners)
          .where(inArray(schema.owners.id, subject.ownerIds))
      : [];
    const uo = schema.unitOwners;
    const ownerships = subject.ownerIds.length
      ? await tx
          .select({
            ownerId: uo.ownerId,
            unitId: schema.units.id,
            buildingName: schema.buildings.name,
            entrance: schema.units.entrance,
            room: schema.units.room,
            registeredArea: schema.units.registeredArea,
            measuredArea: schema.units.measuredArea,
            contractArea: schema.units.contractArea,
            designatedVoter: uo.designatedVoter,
            since: uo.since,
            until: uo.until,
          })
          .from(uo)
          .innerJoin(schema.units, eq(schema.units.id, uo.unitId))
          .innerJoin(schema.buildings, eq(schema.buildings.id, schema.units.buildingId))
          .where(inArray(uo.ownerId, subject.ownerIds))
          .orderBy(asc(uo.since))
      : [];
    const invitations = await tx
      .select({
        displayName: schema.invitations.displayName,
        roles: schema.invitations.roles,
        createdAt: schema.invitations.createdAt,
        acceptedAt: schema.invitations.acceptedAt,
        revokedAt: schema.invitations.revokedAt,
      })
      .from(schema.invitations)
      .where(eq(schema.invitations.phone, person.phone))
      .orderBy(asc(schema.invitations.createdAt));
    return {
      tenant,
      membership: membership ? { ...membership, roles: membership.roles as TenantRole[] } : null,
      verifications: verifications.map(({ buildingName, entrance, room, ...rest }) => ({
        ...rest,
        unit: addressOf({ buildingName, entrance, room }),
      })),
      owners: owners.map((owner) => ({
        ...owner,
        units: ownerships
          .filter((o) => o.ownerId === owner.ownerId)
          .map((o) => ({
            unitId: o.unitId,
            unit: addressOf(o),
            area: countingArea(o)?.area ?? null,
            designatedVoter: o.designatedVoter,
            since: o.since,
            until: o.until,
          })),
      })),
      invitations: invitations.map((i) => ({ ...i, roles: i.roles as TenantRole[] })),
      notifications: await tx
        .select({
          kind: schema.notifications.kind,
          title: schema.notifications.title,
          body: schema.notifications.body,
          link: schema.notifications.link,
          createdAt: schema.notifications.createdAt,
          readAt: schema.notifications.readAt,
        })
        .from(schema.notifications)
        .where(eq(schema.notifications.userId, person.id))
        .orderBy(asc(schema.notifications.createdAt)),
      feedback: await tx
        .select({
          number: schema.feedbackReports.number,
          category: schema.feedbackReports.category,
          body: schema.feedbackReports.body,
          status: schema.feedbackReports.status,
          reporterName: schema.feedbackReports.reporterName,
          namedOnBoard: schema.feedbackReports.namedOnBoard,
          rating: schema.feedbackReports.rating,
          ratingComment: schema.feedbackReports.ratingComment,
          createdAt: schema.feedbackReports.createdAt,
        })
        .from(schema.feedbackReports)
        .where(eq(schema.feedbackReports.reporterUserId, person.id))
        .orderBy(asc(schema.feedbackReports.createdAt)),
      plugins: await plugins.export(tx, tenant, subject),
    };
  }

  /** One neighbourhood: the plugins' part, the membership, the core's rows that name the person, the audit trail. */
  private async eraseIn(tx: Tx, tenant: TenantRef, person: Person, pseudonym: string, plugins: PluginPersonalData) {
    const { subject, phones } = await this.subjectIn(tx, person, pseudonym);
    const at = this.deps.clock.now();
    const context = { tenantId: tenant.id, actor: { id: person.id, displayName: pseudonym }, at };
    await plugins.erase(tx, tenant, subject);

    const [member] = await tx
      .select({ id: schema.members.id, userId: schema.members.userId })
      .from(schema.members)
      .where(eq(schema.members.userId, person.id));
    if (member) await endMembership(tx, this.deps.events, context, member, 'removed');

    // Free text others wrote about the person's own requests may name them: the names give way to the pseudonym.
    const byLength = [...subject.names].sort((a, b) => b.length - a.length);
    const scrubText = (text: string | null) =>
      text === null ? null : byLength.reduce((t, name) => t.replaceAll(name, pseudonym), text);
    const v = schema.verifications;
    for (const row of await tx.select().from(v).where(eq(v.userId, person.id))) {
      const live = row.status === 'pending' || row.status === 'verified';
      await tx
        .update(v)
        .set({
          displayName: pseudonym,
          note: '',
          decisionReason: scrubText(row.decisionReason),
          ...(live
            ? { status: 'revoked' as const, revokedAt: at, revokedBy: person.id, revokeReason: ERASED_REASON }
            : { revokeReason: scrubText(row.revokeReason) }),
        })
        .where(eq(v.id, row.id));
      if (live) {
        await this.deps.events.emit(
          tx,
          tenant.id,
          'verification.changed',
          { verificationId: row.id, unitId: row.unitId, userId: person.id, status: 'revoked' },
          at,
        );
      }
    }

    // 码上提 reports stay in the metrics (and closed ones on the board): who reported them and who acted on them become
    // the pseudonym, and the reporter's own words (the report, their rating comments) go.
    const f = schema.feedbackReports;
    await tx
      .update(f)
      .set({
        reporterName: pseudonym,
        reporterPhone: null,
        namedOnBoard: false,
        body: ERASED_REPORT,
        placeNote: '',
        ratingComment: null,
      })
      .where(eq(f.reporterUserId, person.id));
    const steps = schema.feedbackSteps;
    await tx.update(steps).set({ actorName: pseudonym }).where(eq(steps.actorUserId, person.id));
    // A rating's comment is the reporter's own word; what staff and units wrote stays (it is the record of the work).
    await tx
      .update(steps)
      .set({ body: '' })
      .where(and(eq(steps.actorUserId, person.id), inArray(steps.kind, ['rated', 'reopened'])));
    // The photos a reporter took may show them, their home or their neighbours: they go.
    await tx
      .delete(schema.feedbackPhotos)
      .where(and(eq(schema.feedbackPhotos.addedBy, person.id), eq(schema.feedbackPhotos.side, 'reporter')));

    // The registry keeps who owned which unit when (a legal fact): the owner records stay, without name or numbers.
    if (subject.ownerIds.length) {
      await tx
        .update(schema.owners)
        .set({ name: pseudonym, phone: null, idNumberHash: null, idNumberMasked: null })
        .where(inArray(schema.owners.id, subject.ownerIds));
    }
    await tx
      .update(schema.unitResidents)
      .set({ name: pseudonym, phone: null })
      .where(inArray(schema.unitResidents.phone, phones));
    const i = schema.invitations;
    await tx
      .update(i)
      .set({ revokedAt: at })
      .where(and(eq(i.phone, person.phone), isNull(i.acceptedAt), isNull(i.revokedAt)));
    await tx.update(i).set({ displayName: pseudonym, phone: '' }).where(eq(i.phone, person.phone));

    await this.scrubNotifications(tx, person.id, subject.names, scrubText);

    const replacements = new Map<string, string | null>([
      ...subject.names.map((name) => [name, pseudonym] as const),
      ...phones.flatMap((phone) => [[phone, null] as const, [maskPhone(phone), null] as const]),
    ]);
    // Registry files awaiting their import keep the rows as parsed (applied or failed ones keep no rows).
    const imports = schema.registryImports;
    for (const row of await tx
      .select({ id: imports.id, plan: imports.plan, errors: imports.errors })
      .from(imports)
      .where(or(isNotNull(imports.plan), sql`jsonb_array_length(${imports.errors}) > 0`))) {
      const plan = replaceValues(row.plan, replacements);
      const errors = replaceValues(row.errors, replacements) as unknown[];
      if (JSON.stringify([plan, errors]) === JSON.stringify([row.plan, row.errors])) continue;
      await tx.update(imports).set({ plan, errors }).where(eq(imports.id, row.id));
    }

    const redacted: number[] = [];
    const entries = await entriesNaming(tx, tenant.id, person.id, [...replacements.keys()]);
    await asEraser(tx, async () => {
      for (const entry of entries) {
        const details = replaceValues(entry.details, replacements) as Record<string, unknown>;
        const detailsChanged = JSON.stringify(details) !== JSON.stringify(entry.details);
        const own = entry.actorUserId === person.id;
        if (!own && !detailsChanged) continue;
        await redactEntry(
          tx,
          tenant.id,
          entry.seq,
          { ...(own ? { actorName: pseudonym } : {}), ...(detailsChanged ? { details } : {}) },
          at,
        );
        redacted.push(entry.seq);
      }
    });
    // The entry says who was erased by id and pseudonym, and which entries were rewritten: nothing personal.
    await appendAudit(
      tx,
      tenant.id,
      context.actor,
      { action: ERASURE_ACTION, targetType: 'user', targetId: person.id, details: { redacted } },
      at,
    );
  }

  /** The account's own rows, last: the applications, staff seats, sessions, codes and the user row itself. */
  /**
   * The person's own inbox goes; what others were told about them (a request they made) keeps its text with the
   * pseudonym in place of their names.
   */
  private async scrubNotifications(
    tx: Tx,
    userId: string,
    names: string[],
    scrubText: (text: string | null) => string | null,
  ) {
    await tx.delete(schema.notifications).where(eq(schema.notifications.userId, userId));
    if (!names.length) return;
    const patterns = names.map((name) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const scrub = (text: { 'zh-CN': string; en: string }) => ({
      'zh-CN': scrubText(text['zh-CN'])!,
      en: scrubText(text.en)!,
    });
    for (const table of [schema.notificationCauses, schema.notifications]) {
      const rows = await tx
        .select({ id: table.id, title: table.title, body: table.body })
        .from(table)
        .where(sql`(${table.title}::text || ${table.body}::text) like any(${sql.param(patterns)}::text[])`);
      for (const row of rows) {
        await tx
          .update(table)
          .set({ title: scrub(row.title), body: scrub(row.body) })
          .where(eq(table.id, row.id));
      }
    }
  }

  private async eraseAccount(tx: Tx, person: Person, pseudonym: string, at: Date) {
    const a = schema.neighbourhoodApplications;
    await asEraser(tx, async () => {
      await tx
        .update(a)
        .set({ status: 'withdrawn' })
        .where(and(eq(a.applicantUserId, person.id), eq(a.status, 'pending')));
      await tx
        .update(a)
        .set({ applicantName: pseudonym, applicantPhone: '', note: null })
        .where(eq(a.applicantUserId, person.id));
    });
    await tx.delete(schema.regionStaff).where(eq(schema.regionStaff.userId, person.id));
    await tx.delete(schema.organisationMembers).where(eq(schema.organisationMembers.userId, person.id));
    await tx.delete(schema.organisationFormerStaff).where(eq(schema.organisationFormerStaff.userId, person.id));
    await tx.delete(schema.notificationPreferences).where(eq(schema.notificationPreferences.userId, person.id));
    await tx.delete(schema.sessions).where(eq(schema.sessions.userId, person.id));
    await tx.delete(schema.phoneCodes).where(eq(schema.phoneCodes.phone, person.phone));
    // Attempt counters name the number in their key (sign-in, SMS); the counters of an erased number are moot.
    await tx.delete(schema.rateLimits).where(like(schema.rateLimits.key, `%${person.phone}%`));
    await tx
      .update(schema.users)
      .set({
        displayName: pseudonym,
        phone: `erased:${person.id}`,
        passwordHash: '',
        isPlatformOperator: false,
        erasedAt: at,
      })
      .where(eq(schema.users.id, person.id));
  }
}
