import { randomToken, sha256Text } from '@city/auth';
import { schema, withPerson, withTenant, type Database } from '@city/db';
import { eq } from 'drizzle-orm';
import { type World } from '@city/testing';
import { addNote, addRegionNote, readNotes, readRegionNotes } from '../fixtures/fixture-plugin/src/testing.ts';
import { addServicesRows, readServicesRows } from '../fixtures/services.ts';
import { addPartyRows, partyBodies, readPartyRows } from '../fixtures/party.ts';
import { addVotingRows, readVotingRows } from '../fixtures/voting.ts';

/**
 * One row of every kind a tenant route can name by id, made inside one neighbourhood. The isolation suite fills
 * each `{param}` of a route from here; a capability that adds a route with a new id parameter adds its maker.
 */
type Maker = (
  tx: Parameters<Parameters<typeof withTenant>[2]>[0],
  tenantId: string,
  actorId: string,
) => Promise<Record<string, string>>;

const makers: Maker[] = [
  async (tx) => {
    const [member] = await tx.select().from(schema.members).limit(1);
    return { memberId: member!.id };
  },
  async (tx, tenantId, actorId) => {
    const [invitation] = await tx
      .insert(schema.invitations)
      .values({
        tenantId,
        phone: '13700000000',
        displayName: '被邀请人',
        roles: ['resident'],
        invitedBy: actorId,
        expiresAt: new Date(Date.now() + 86400_000),
      })
      .returning();
    return { invitationId: invitation!.id };
  },
  async (tx, tenantId, actorId) => {
    const [notice] = await tx
      .insert(schema.notices)
      .values({
        tenantId,
        category: 'notice',
        title: '内部通知',
        body: '仅本小区可见',
        audience: 'residents',
        status: 'published',
        publishedAt: new Date(),
        publishAt: new Date(),
        createdBy: actorId,
      })
      .returning();
    return { noticeId: notice!.id };
  },
  async (tx, tenantId, actorId) => {
    const [building] = await tx
      .insert(schema.buildings)
      .values({ tenantId, name: `${tenantId.slice(-4)}号楼` })
      .returning();
    const [unit] = await tx
      .insert(schema.units)
      .values({
        tenantId,
        buildingId: building!.id,
        floor: 3,
        room: '301',
        registeredArea: 8950,
        saleStatus: 'sold_delivered',
      })
      .returning();
    // 业主甲 entered twice without an ID number, on two units: a lookalike group for the admin to confirm.
    const [owner, lookalike] = await tx
      .insert(schema.owners)
      .values([
        { tenantId, name: '业主甲', phone: '13600000000' },
        { tenantId, name: '业主甲', phone: '13600000000' },
      ])
      .returning();
    const [otherUnit] = await tx
      .insert(schema.units)
      .values({ tenantId, buildingId: building!.id, floor: 3, room: '302', saleStatus: 'sold_delivered' })
      .returning();
    await tx.insert(schema.unitOwners).values([
      { tenantId, unitId: unit!.id, ownerId: owner!.id, designatedVoter: true, since: new Date() },
      { tenantId, unitId: otherUnit!.id, ownerId: lookalike!.id, designatedVoter: true, since: new Date() },
    ]);
    const [verification] = await tx
      .insert(schema.verifications)
      .values({
        tenantId,
        unitId: unit!.id,
        userId: actorId,
        displayName: '待审住户',
        relation: 'family',
        status: 'pending',
        method: 'approval',
      })
      .returning();
    return {
      buildingId: building!.id,
      unitId: unit!.id,
      ownerId: owner!.id,
      lookalikeOwnerId: lookalike!.id,
      verificationId: verification!.id,
    };
  },
  async (tx, tenantId, actorId) => {
    const [registryImport] = await tx
      .insert(schema.registryImports)
      .values({
        tenantId,
        fileName: 'registry.csv',
        fileDigest: '00',
        status: 'ready',
        rowCount: 0,
        plan: [],
        createdBy: actorId,
      })
      .returning();
    return { importId: registryImport!.id };
  },
  async (tx, tenantId, actorId) => {
    const [unit] = await tx
      .insert(schema.feedbackUnits)
      .values({ tenantId, kind: 'property', name: '物业服务中心' })
      .returning();
    const [report] = await tx
      .insert(schema.feedbackReports)
      .values({
        tenantId,
        category: '环境卫生',
        body: '垃圾未清运',
        placeKind: 'public',
        channel: 'portal',
        reporterUserId: actorId,
        reporterName: '反映人',
        status: 'received',
      })
      .returning();
    await tx.insert(schema.feedbackFollowers).values({ tenantId, reportId: report!.id, userId: actorId });
    const [photo] = await tx
      .insert(schema.feedbackPhotos)
      .values({
        tenantId,
        reportId: report!.id,
        side: 'reporter',
        addedBy: actorId,
        contentType: 'image/png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      })
      .returning();
    // A tracking link, as a report made without an account has (its token in the path, its hash stored).
    const token = randomToken();
    await tx
      .insert(schema.feedbackTrackers)
      .values({ tokenHash: sha256Text(token), tenantId, reportId: report!.id, locale: 'zh-CN' });
    return { reportId: report!.id, handlingUnitId: unit!.id, photoId: photo!.id, token };
  },
  async (tx, tenantId, actorId) => {
    const [client] = await tx
      .insert(schema.open311Clients)
      .values({
        tenantId,
        name: '市民热线',
        keyHash: crypto.getRandomValues(new Uint8Array(32)),
        keyHint: 'abcd',
        createdBy: actorId,
      })
      .returning();
    return { clientId: client!.id };
  },
  // The public-revenue ledger: an entry, an expense, a distribution with a share, a committee seat.
  async (tx, tenantId, actorId) => {
    const account = async (purpose: string) =>
      (await tx.select().from(schema.ledgerAccounts).where(eq(schema.ledgerAccounts.purpose, purpose)))[0]!;
    const [bank, parking, repairs] = [await account('bank'), await account('parking'), await account('repairs')];
    const [entry] = await tx
      .insert(schema.ledgerEntries)
      .values({
        tenantId,
        number: 1,
        occurredOn: '2026-11-02',
        period: '2026-11',
        kind: 'income',
        memo: '停车费',
        postedBy: actorId,
      })
      .returning();
    await tx.insert(schema.ledgerLines).values([
      { tenantId, entryId: entry!.id, line: 1, period: '2026-11', accountId: bank.id, amountFen: 10_000 },
      { tenantId, entryId: entry!.id, line: 2, period: '2026-11', accountId: parking.id, amountFen: -10_000 },
    ]);
    const [expense] = await tx
      .insert(schema.ledgerExpenses)
      .values({
        tenantId,
        title: '维修门禁',
        payee: '维修公司',
        reason: '门禁损坏',
        amountFen: 5_000,
        expenseAccountId: repairs.id,
        status: 'approved',
        approvalsNeeded: 2,
        countersignNeeded: 0,
        proposedBy: actorId,
      })
      .returning();
    const [dividend] = await tx
      .insert(schema.ledgerDividends)
      .values({
        tenantId,
        title: '分红',
        totalFen: 100,
        totalArea: 100,
        declaredOn: '2026-11-03',
        declaredBy: actorId,
        entryId: entry!.id,
        shares: [{ key: 'developer', ownerIds: [], unitIds: [], area: 100, fen: 100 }],
      })
      .returning();
    const [seat] = await tx
      .insert(schema.committeeMembers)
      .values({ tenantId, body: 'committee', userId: actorId, position: 'chair', joinedOn: '2026-01-01' })
      .returning();
    // A sitting term: its papers' upload must reach it (and refuse the other neighbourhood's admin).
    await tx.insert(schema.committeeTerms).values({
      tenantId,
      electedOn: '2026-01-01',
      startsOn: '2026-01-01',
      endsOn: '2030-12-31',
      seats: 5,
      filingDue: '2026-01-31',
    });
    const [document] = await tx
      .insert(schema.ledgerDocuments)
      .values({
        tenantId,
        kind: 'evidence',
        entryId: entry!.id,
        name: '收据',
        contentType: 'application/pdf',
        bytes: new TextEncoder().encode('%PDF-1.7'),
        size: 8,
        uploadedBy: actorId,
      })
      .returning();
    const [election] = await tx
      .insert(schema.committeeElections)
      .values({
        tenantId,
        source: 'voting',
        eventId: crypto.randomUUID(),
        meetingRef: 'm',
        meetingTitle: '业主大会',
        motionTitle: '补选',
        byElection: true,
        seats: 1,
        electedOn: '2026-11-03',
        elected: [{ candidateId: 'c', name: '候选人' }],
        unfilled: 0,
      })
      .returning();
    return {
      electionId: election!.id,
      ledgerDocumentId: document!.id,
      ledgerEntryId: entry!.id,
      expenseId: expense!.id,
      dividendId: dividend!.id,
      seatId: seat!.id,
      period: '2026-11',
      accountId: bank.id,
    };
  },
  // The suites' apps offer the fixture plugin, installed in both neighbourhoods: its routes are attacked too.
  async (tx, tenantId) => ({ pluginId: 'fixture', noteId: await addNote(tx, tenantId, '甲方的便签') }),
  async (tx, tenantId) => {
    const [event] = await tx
      .insert(schema.pluginEvents)
      .values({ tenantId, name: 'member.joined', payload: {}, dispatchedAt: new Date() })
      .returning();
    const [delivery] = await tx
      .insert(schema.pluginDeliveries)
      .values({
        tenantId,
        eventId: event!.id,
        pluginId: 'fixture',
        status: 'failed',
        attempts: 6,
        lastError: 'boom',
        nextAttemptAt: new Date(),
      })
      .returning();
    return { deliveryId: delivery!.id };
  },
  // …and the voting plugin, the first-party plugin with the most routes.
  (tx, tenantId, actorId) => addVotingRows(tx, tenantId, actorId),
  // …and 智慧党建, whose rows hang off the registry's buildings (made by the maker above).
  async (tx, tenantId, actorId) => {
    const [building] = await tx.select({ id: schema.buildings.id }).from(schema.buildings).limit(1);
    return addPartyRows(tx, tenantId, actorId, building!.id);
  },
];

/** Path parameters that name something platform-wide (a catalogue entry), the same in every neighbourhood. */
export const SHARED_PARAMS: ReadonlySet<string> = new Set(['tenant', 'pluginId', 'period']);

export interface Side {
  slug: string;
  name: string;
  ids: Record<string, string>;
}

export async function sideOf(db: Database, tenant: World['tenantA'], actorId: string): Promise<Side> {
  const ids: Record<string, string> = { tenant: tenant.slug };
  await withTenant(db, tenant.id, async (tx) => {
    for (const make of makers) Object.assign(ids, await make(tx, tenant.id, actorId));
  });
  // The local-services plugin's rows span an organisation and the neighbourhood: made through both scopes.
  Object.assign(ids, await addServicesRows(db, tenant, actorId));
  // A department of the neighbourhood's street (region data): made by the street's staff, as its policy asks.
  const [streetStaff] = await db
    .select({ userId: schema.regionStaff.userId })
    .from(schema.regionStaff)
    .where(eq(schema.regionStaff.regionId, tenant.streetId));
  const [department] = await withPerson(db, { userId: streetStaff!.userId }, (tx) =>
    tx
      .insert(schema.feedbackDepartments)
      .values({ regionId: tenant.streetId, name: `城管科${tenant.slug}` })
      .returning(),
  );
  Object.assign(ids, { regionId: tenant.streetId, departmentId: department!.id });
  // The neighbourhood's 社区 (the region of the fixture plugin's region routes) and a note of it, made in its scope.
  Object.assign(ids, {
    // The neighbourhood as a region route names it (a branch under a 社区).
    tenantId: tenant.id,
    region: tenant.communityId,
    regionNoteId: await addRegionNote(db, tenant.communityId, `${tenant.slug}所在社区的便签`),
  });
  return { slug: tenant.slug, name: tenant.name, ids };
}

/** The victim's rows of every tenant table, read as the victim: must be identical before and after an attack. */
export async function snapshot(db: Database, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => ({
    members: await tx.select().from(schema.members).orderBy(schema.members.id),
    invitations: await tx.select().from(schema.invitations).orderBy(schema.invitations.id),
    notices: await tx.select().from(schema.notices).orderBy(schema.notices.id),
    audit: await tx.select().from(schema.auditLog).orderBy(schema.auditLog.seq),
    units: await tx.select().from(schema.units).orderBy(schema.units.id),
    unitOwners: await tx.select().from(schema.unitOwners).orderBy(schema.unitOwners.id),
    owners: await tx.select().from(schema.owners).orderBy(schema.owners.id),
    lookalikeDecisions: await tx
      .select()
      .from(schema.ownerLookalikeDecisions)
      .orderBy(schema.ownerLookalikeDecisions.id),
    buildings: await tx.select().from(schema.buildings).orderBy(schema.buildings.id),
    verifications: await tx.select().from(schema.verifications).orderBy(schema.verifications.id),
    unitCodes: await tx.select().from(schema.unitCodes).orderBy(schema.unitCodes.id),
    registryImports: await tx.select().from(schema.registryImports).orderBy(schema.registryImports.id),
    feedbackReports: await tx.select().from(schema.feedbackReports).orderBy(schema.feedbackReports.id),
    feedbackSteps: await tx.select().from(schema.feedbackSteps).orderBy(schema.feedbackSteps.id),
    feedbackUnits: await tx.select().from(schema.feedbackUnits).orderBy(schema.feedbackUnits.id),
    feedbackSettings: await tx.select().from(schema.feedbackSettings),
    feedbackPhotos: await tx.select().from(schema.feedbackPhotos).orderBy(schema.feedbackPhotos.id),
    feedbackTrackers: await tx.select().from(schema.feedbackTrackers).orderBy(schema.feedbackTrackers.createdAt),
    committeeMembers: await tx.select().from(schema.committeeMembers).orderBy(schema.committeeMembers.id),
    preparatoryGroups: await tx.select().from(schema.preparatoryGroups).orderBy(schema.preparatoryGroups.id),
    preparatoryMembers: await tx.select().from(schema.preparatoryMembers).orderBy(schema.preparatoryMembers.id),
    committeeTerms: await tx.select().from(schema.committeeTerms).orderBy(schema.committeeTerms.id),
    committeeEvaluations: await tx.select().from(schema.committeeEvaluations).orderBy(schema.committeeEvaluations.id),
    committeeMeetings: await tx.select().from(schema.committeeMeetings).orderBy(schema.committeeMeetings.id),
    committeeElections: await tx.select().from(schema.committeeElections).orderBy(schema.committeeElections.id),
    governanceSettings: await tx.select().from(schema.governanceSettings),
    ledgerSettings: await tx.select().from(schema.ledgerSettings),
    ledgerAccounts: await tx.select().from(schema.ledgerAccounts).orderBy(schema.ledgerAccounts.id),
    ledgerEntries: await tx.select().from(schema.ledgerEntries).orderBy(schema.ledgerEntries.id),
    ledgerLines: await tx
      .select()
      .from(schema.ledgerLines)
      .orderBy(schema.ledgerLines.entryId, schema.ledgerLines.line),
    ledgerBalances: await tx
      .select()
      .from(schema.ledgerBalances)
      .orderBy(schema.ledgerBalances.accountId, schema.ledgerBalances.period),
    ledgerPeriods: await tx.select().from(schema.ledgerPeriods).orderBy(schema.ledgerPeriods.period),
    ledgerExpenses: await tx.select().from(schema.ledgerExpenses).orderBy(schema.ledgerExpenses.id),
    ledgerSignatures: await tx
      .select()
      .from(schema.ledgerExpenseSignatures)
      .orderBy(schema.ledgerExpenseSignatures.expenseId, schema.ledgerExpenseSignatures.userId),
    ledgerDividends: await tx.select().from(schema.ledgerDividends).orderBy(schema.ledgerDividends.id),
    ledgerDocuments: await tx.select().from(schema.ledgerDocuments).orderBy(schema.ledgerDocuments.id),
    ledgerShares: await tx
      .select()
      .from(schema.ledgerDividendShares)
      .orderBy(schema.ledgerDividendShares.dividendId, schema.ledgerDividendShares.ownerKey),
    pluginInstalls: await tx.select().from(schema.pluginInstalls).orderBy(schema.pluginInstalls.id),
    pluginRoleGrants: await tx.select().from(schema.pluginRoleGrants).orderBy(schema.pluginRoleGrants.id),
    pluginDeliveries: await tx.select().from(schema.pluginDeliveries).orderBy(schema.pluginDeliveries.id),
    fixtureNotes: await readNotes(tx),
    // The notes of the neighbourhood's 社区, 街道 and 区, as its member routes read them.
    fixtureRegionNotes: await readRegionNotes(tx),
    voting: await readVotingRows(tx),
    services: await readServicesRows(tx),
    party: await readPartyRows(tx),
  }));
}

/**
 * A request body each write route accepts, so an attack passes validation and reaches the row lookup (where the
 * other tenant's id must come back 404). Keyed by "METHOD path"; routes not listed get an empty object.
 */
export function bodyFor(method: string, path: string, ids: Record<string, string>): unknown {
  const notice = { category: 'notice', title: '篡改', body: '篡改', audience: 'public' };
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/t/{tenant}/members/{memberId}': { roles: ['admin'] },
    'POST /api/v1/t/{tenant}/invitations': { phone: '13700000001', displayName: '攻击者', roles: ['admin'] },
    'POST /api/v1/t/{tenant}/notices': notice,
    'PUT /api/v1/t/{tenant}/notices/{noticeId}': notice,
    'POST /api/v1/t/{tenant}/notices/{noticeId}/corrections': notice,
    'POST /api/v1/t/{tenant}/registry/buildings': { name: '篡改楼' },
    'POST /api/v1/t/{tenant}/registry/units': {
      buildingId: ids.buildingId,
      floor: 1,
      room: '101',
      saleStatus: 'unsold',
    },
    'PATCH /api/v1/t/{tenant}/registry/units/{unitId}': { room: '999' },
    'PUT /api/v1/t/{tenant}/registry/units/{unitId}/owners': { owners: [], reason: '篡改业主' },
    'POST /api/v1/t/{tenant}/registry/letters': { buildingId: ids.buildingId },
    'POST /api/v1/t/{tenant}/registry/lookalikes/{ownerId}/decision': {
      decision: 'same_person',
      ownerIds: [ids.ownerId, ids.lookalikeOwnerId],
    },
    'POST /api/v1/t/{tenant}/verifications/{verificationId}/approve': { relation: 'family', reason: '篡改认证' },
    'POST /api/v1/t/{tenant}/verifications/{verificationId}/reject': { reason: '篡改认证' },
    'POST /api/v1/t/{tenant}/verifications/{verificationId}/revoke': { reason: '篡改认证' },
    // Open to any signed-in person (that is how residents join); the attack uses a code and a unit that do not exist.
    'POST /api/v1/t/{tenant}/claims': { code: 'ABCD-EFGH-JK', relation: 'owner', displayName: '攻击者' },
    'POST /api/v1/t/{tenant}/verifications': {
      building: '不存在的楼',
      room: '101',
      relation: 'owner',
      displayName: '攻击者',
    },
    'PUT /api/v1/t/{tenant}/plugins/{pluginId}/roles/{memberId}': { roles: ['note-keeper'] },
    'PUT /api/v1/t/{tenant}/plugins/{pluginId}/settings': { settings: { greeting: '篡改' } },
    'POST /api/v1/t/{tenant}/plugins/{pluginId}/purge': { confirm: 'fixture' },
    'POST /api/v1/t/{tenant}/feedback/{reportId}/actions': { action: 'reject', reason: '篡改反映' },
    'PUT /api/v1/t/{tenant}/feedback-units/{handlingUnitId}': { kind: 'other', name: '篡改单位' },
    'POST /api/v1/t/{tenant}/committee-members/{seatId}/leave': { leftOn: '2026-12-01', reason: 'removed' },
    'PUT /api/v1/t/{tenant}/committee-members/{seatId}/cross-appointment': { partyPost: '篡改' },
    'POST /api/v1/t/{tenant}/governance/elections/{electionId}/apply': {
      startsOn: '2026-12-01',
      members: [{ candidateId: 'c', userId: null }],
    },
    'POST /api/v1/t/{tenant}/governance/elections/{electionId}/dismiss': { reason: '篡改' },
    'POST /api/v1/t/{tenant}/ledger/entries/{ledgerEntryId}/reversal': { occurredOn: '2026-12-01', memo: '篡改' },
    'POST /api/v1/t/{tenant}/ledger/expenses/{expenseId}/signatures': { decision: 'reject', note: '篡改' },
    'POST /api/v1/t/{tenant}/ledger/expenses/{expenseId}/payment': {
      occurredOn: '2026-12-01',
      payAccountId: ids.accountId,
    },
    'POST /api/v1/t/{tenant}/ledger/dividends/{dividendId}/payments': {
      ownerKeys: ['developer'],
      occurredOn: '2026-12-01',
      payAccountId: ids.accountId,
    },
    'POST /api/v1/t/{tenant}/ledger/periods/{period}/review': { note: '篡改' },
    'POST /api/v1/t/{tenant}/p/fixture/notes': { body: '篡改' },
    'POST /api/v1/t/{tenant}/p/fixture/guestbook': { text: '篡改' },
    'POST /api/v1/r/{region}/p/fixture/region-notes': { body: '篡改' },
    ...votingBodies(ids),
    ...servicesBodies(ids),
    ...partyBodies(ids),
  };
  return bodies[`${method} ${path}`] ?? {};
}

/** Valid bodies for the voting plugin's writes (the lookup of the other neighbourhood's row must answer 404). */
function votingBodies(ids: Record<string, string>): Record<string, unknown> {
  const base = '/api/v1/t/{tenant}/p/voting';
  const meeting = { title: '篡改会议', opensAt: '2030-01-01T00:00:00+08:00', closesAt: '2030-01-20T00:00:00+08:00' };
  const choices = { rollOwnerId: ids.rollOwnerId, choices: [{ motionId: ids.motionId, choice: 'agree' }] };
  const reason = { reason: '篡改' };
  return {
    [`POST ${base}/topics`]: { title: '篡改', body: '篡改' },
    [`POST ${base}/topics/{topicId}/replies`]: { body: '篡改' },
    [`POST ${base}/topics/{topicId}/hide`]: reason,
    [`POST ${base}/topics/{topicId}/replies/{replyId}/hide`]: reason,
    [`POST ${base}/topics/{topicId}/reports`]: reason,
    [`POST ${base}/topics/{topicId}/motion`]: { meetingId: ids.meetingId, matterType: 'rebuild' },
    [`POST ${base}/meetings`]: meeting,
    [`PUT ${base}/meetings/{meetingId}`]: meeting,
    [`POST ${base}/meetings/{meetingId}/motions`]: { matterType: 'rebuild', title: '篡改' },
    [`POST ${base}/meetings/{meetingId}/ballots`]: choices,
    [`POST ${base}/meetings/{meetingId}/staff-ballots`]: {
      ...choices,
      channel: 'paper',
      paperRef: 'X',
      receivedAt: '2020-01-01T00:00:00+08:00',
    },
    [`PUT ${base}/meetings/{meetingId}/sheet-counts`]: { issued: 1, returned: 1 },
  };
}

/** Valid bodies for the local-services plugin's neighbourhood writes. */
function servicesBodies(ids: Record<string, string>): Record<string, unknown> {
  const base = '/api/v1/t/{tenant}/p/services';
  return {
    [`POST ${base}/orders`]: {
      offeringId: ids.offeringId,
      slotId: ids.slotId,
      unitId: ids.unitId,
      contactPhone: '13900000001',
      notes: '篡改',
    },
    [`POST ${base}/orders/{orderId}/cancel`]: { reason: '篡改' },
    [`POST ${base}/orders/{orderId}/review`]: { rating: 1, comment: '篡改' },
    [`POST ${base}/orders/{orderId}/complaint`]: { body: '篡改' },
    [`POST ${base}/admin/vendors/{organisationId}/decision`]: { decision: 'suspend', reason: '篡改' },
    [`POST ${base}/admin/complaints/{complaintId}/resolve`]: { resolution: '篡改' },
  };
}
