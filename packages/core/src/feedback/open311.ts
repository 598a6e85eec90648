import { randomToken, sha256Text } from '@city/auth';
import type { Tx } from '@city/db';
import { schema } from '@city/db';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit, type AuditContext } from '../audit.ts';
import { AppError, fieldError } from '../errors.ts';
import { summarise, type FeedbackReports } from './reports.ts';
import { feedbackSettings } from './settings.ts';

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) over 码上提, one neighbourhood per base path: its categories
 * are the services, a request is a report (its number is the request id), the buildings are the address repository
 * (address_id). Writing needs a key an admin issued; reading shows everyone what the public board shows (closed
 * reports, summarised, building only) and a client its own requests in full. The records use the specification's
 * field names; the API encodes them as JSON or XML.
 */

const c = schema.open311Clients;
const r = schema.feedbackReports;
const handling = alias(schema.feedbackUnits, 'handling');

/** The client a valid key belongs to, as far as reading and writing requests go. */
export interface Open311Client {
  id: string;
  name: string;
}

/** The most requests one answer lists, and the window it covers when asked for no dates (the specification's). */
const MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;
const OPEN = ['received', 'assigned', 'answered'] as const;
const CLOSED = ['closed', 'rejected', 'merged'] as const;

const hash = (key: string) => sha256Text(`open311:${key}`);

const clientView = (row: typeof c.$inferSelect) => ({
  id: row.id,
  name: row.name,
  keyHint: row.keyHint,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/** The neighbourhood's Open311 clients, newest first. */
export async function open311Clients(tx: Tx) {
  const rows = await tx.select().from(c).orderBy(desc(c.createdAt));
  return rows.map(clientView);
}

/** Issues a client its key: returned this once, kept only as a hash. */
export async function issueOpen311Client(tx: Tx, context: AuditContext, name: string) {
  const apiKey = `o311_${randomToken()}`;
  const [row] = await tx
    .insert(c)
    .values({
      tenantId: context.tenantId,
      name,
      keyHash: hash(apiKey),
      keyHint: apiKey.slice(-4),
      createdBy: context.actor.id,
      createdAt: context.at,
    })
    .returning();
  await audit(tx, context, {
    action: 'open311.client_issued',
    targetType: 'open311_client',
    targetId: row!.id,
    details: { name, keyHint: row!.keyHint },
  });
  return { ...clientView(row!), apiKey };
}

/** Revokes a client's key for good: its requests stay, it sends no more. */
export async function revokeOpen311Client(tx: Tx, context: AuditContext, id: string) {
  const [row] = await tx
    .update(c)
    .set({ revokedAt: context.at })
    .where(and(eq(c.id, id), isNull(c.revokedAt)))
    .returning();
  if (!row) {
    const [known] = await tx.select().from(c).where(eq(c.id, id));
    if (!known) throw new AppError('not_found');
    return clientView(known);
  }
  await audit(tx, context, {
    action: 'open311.client_revoked',
    targetType: 'open311_client',
    targetId: id,
    details: { name: row.name, keyHint: row.keyHint },
  });
  return clientView(row);
}

/** The live client holding this key in the neighbourhood, or null. */
export async function open311ClientByKey(tx: Tx, key: string): Promise<Open311Client | null> {
  const [row] = await tx
    .select({ id: c.id, name: c.name })
    .from(c)
    .where(and(eq(c.keyHash, hash(key)), isNull(c.revokedAt)));
  return row ?? null;
}

/** What a client sends to open a request, already checked against the contract. */
export interface Open311RequestInput {
  service_code: string;
  description: string;
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  address_id?: string | undefined;
  /** The service definition's one attribute: a building's id, or `public`. */
  place?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  media_url?: string | undefined;
}

export interface Open311Query {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: Date | undefined;
  end_date?: Date | undefined;
  status?: string | undefined;
}

/** W3C date-time in Beijing time, as the specification's examples write it (2010-04-14T06:37:38-08:00). */
function w3c(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

const PUBLIC_PLACE = 'public';

export class Open311 {
  private readonly reports: FeedbackReports;

  constructor(deps: { reports: FeedbackReports }) {
    this.reports = deps.reports;
  }

  /** GET services: one service per category of the neighbourhood, each with a definition (the place). */
  async services(tx: Tx) {
    const { categories, workingDays } = await feedbackSettings(tx);
    return categories.map((category) => ({
      service_code: category,
      service_name: category,
      description: `${category}：交办后${workingDays}个工作日内答复`,
      metadata: true,
      type: 'realtime',
      keywords: '',
      group: '码上提',
    }));
  }

  /** GET services/{code}: the one attribute a request may carry, the place, listing the neighbourhood's buildings. */
  async definition(tx: Tx, code: string) {
    await this.category(tx, code);
    const buildings = await tx
      .select({ id: schema.buildings.id, name: schema.buildings.name })
      .from(schema.buildings)
      .orderBy(asc(schema.buildings.name));
    return {
      service_code: code,
      attributes: [
        {
          variable: true,
          code: 'place',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '楼栋，或公共区域；也可用 address_id 传楼栋编号',
          order: 1,
          description: '地点',
          values: [{ key: PUBLIC_PLACE, name: '公共区域' }, ...buildings.map((b) => ({ key: b.id, name: b.name }))],
        },
      ],
    };
  }

  /** POST requests: a report through the loop like any other, its channel open311, under a token the client keeps. */
  async create(tx: Tx, context: AuditContext, client: Open311Client, input: Open311RequestInput) {
    const category = await this.category(tx, input.service_code);
    const place = await this.place(tx, input);
    const name = `${input.last_name ?? ''}${input.first_name ?? ''}`.trim();
    const token = randomToken();
    const body = input.media_url ? `${input.description}\n照片：${input.media_url}` : input.description;
    const { number } = await this.reports.openFromOpen311(tx, context, {
      clientId: client.id,
      token,
      category,
      body,
      place,
      reporterName: name || client.name,
      reporterPhone: input.phone ?? null,
    });
    const { workingDays } = await feedbackSettings(tx);
    return [
      {
        service_request_id: String(number),
        token,
        service_notice: `已受理，编号 #${number}；交办后${workingDays}个工作日内答复`,
        account_id: null,
      },
    ];
  }

  /** GET tokens/{token}: the request a token became. */
  async token(tx: Tx, token: string) {
    const [row] = await tx
      .select({ number: r.number })
      .from(r)
      .where(eq(r.sourceKey, `open311:${token}`));
    if (!row) throw new AppError('not_found');
    return [{ service_request_id: String(row.number), token }];
  }

  /** GET requests/{id}: one request, as the asker may see it; not found otherwise. */
  async request(tx: Tx, client: Open311Client | null, id: string) {
    if (!/^\d{1,15}$/.test(id)) throw new AppError('not_found');
    const rows = await this.find(tx, client, eq(r.number, Number(id)), 1);
    if (!rows.length) throw new AppError('not_found');
    return rows;
  }

  /**
   * GET requests: by ids (the other filters then do not apply), or by service, status and date range — the last
   * 90 days when no date is given — newest first, at most 1,000.
   */
  async requests(tx: Tx, client: Open311Client | null, query: Open311Query, now: Date) {
    if (query.service_request_id !== undefined) {
      const ids = query.service_request_id.split(',').map((s) => s.trim());
      if (ids.some((s) => !/^\d{1,15}$/.test(s))) throw fieldError('service_request_id', 'invalid_value');
      return this.find(tx, client, inArray(r.number, ids.map(Number)), MAX_REQUESTS);
    }
    const statuses = query.status?.split(',').map((s) => s.trim()) ?? [];
    if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw fieldError('status', 'invalid_value');
    const end = query.end_date ?? (query.start_date ? undefined : now);
    const start =
      query.start_date ?? (query.end_date ? undefined : new Date(now.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000));
    const wanted = [...(statuses.includes('open') ? OPEN : []), ...(statuses.includes('closed') ? CLOSED : [])];
    return this.find(
      tx,
      client,
      and(
        query.service_code !== undefined ? eq(r.category, query.service_code) : undefined,
        wanted.length ? inArray(r.status, wanted) : undefined,
        start ? gte(r.createdAt, start) : undefined,
        end ? lte(r.createdAt, end) : undefined,
      ),
      MAX_REQUESTS,
    );
  }

  private async category(tx: Tx, code: string) {
    const { categories } = await feedbackSettings(tx);
    if (!categories.includes(code)) throw new AppError('not_found');
    return code;
  }

  /** The place a request names: a building (address_id or the place attribute), else a public spot described. */
  private async place(tx: Tx, input: Open311RequestInput) {
    const buildingId = input.address_id ?? (input.place !== PUBLIC_PLACE ? input.place : undefined);
    if (buildingId) {
      const [building] = await tx
        .select({ id: schema.buildings.id })
        .from(schema.buildings)
        .where(eq(schema.buildings.id, buildingId));
      if (!building) throw fieldError(input.address_id ? 'address_id' : 'attribute[place]', 'invalid_value');
      return { kind: 'building' as const, buildingId, unitId: null, note: input.address_string ?? '' };
    }
    const spot =
      input.address_string ?? (input.lat !== undefined && input.long !== undefined ? `${input.lat},${input.long}` : '');
    if (!spot && input.place !== PUBLIC_PLACE) throw fieldError('address_string', 'required');
    return { kind: 'public' as const, buildingId: null, unitId: null, note: spot };
  }

  /** Requests the asker may see: what the board shows (closed), and the client's own whatever their state. */
  private async find(tx: Tx, client: Open311Client | null, where: SQL | undefined, limit: number) {
    const visible = client ? or(eq(r.status, 'closed'), eq(r.open311ClientId, client.id)) : eq(r.status, 'closed');
    const rows = await tx
      .select({
        report: r,
        building: schema.buildings.name,
        unit: handling.name,
        mergedInto: sql<number | null>`(select m.number from feedback_reports m where m.id = ${r.mergedInto})`,
        answer: sql<string | null>`(select s.body from feedback_steps s
          where s.report_id = ${r.id} and s.kind = 'answered' order by s.at desc limit 1)`,
      })
      .from(r)
      .leftJoin(schema.buildings, eq(schema.buildings.id, r.buildingId))
      .leftJoin(handling, eq(handling.id, r.handlingUnitId))
      .where(and(visible, where))
      .orderBy(desc(r.createdAt), desc(r.number))
      .limit(limit);
    return rows.map((row) => this.record(row, !!client && row.report.open311ClientId === client.id));
  }

  private record(
    row: {
      report: typeof r.$inferSelect;
      building: string | null;
      unit: string | null;
      mergedInto: number | null;
      answer: string | null;
    },
    own: boolean,
  ) {
    const { report } = row;
    const closed = (CLOSED as readonly string[]).includes(report.status);
    return {
      service_request_id: String(report.number),
      status: closed ? 'closed' : 'open',
      status_notes: this.notes(row, own),
      service_name: report.category,
      service_code: report.category,
      // Others read the board's summary; the place's own words and the exact spot only the sender.
      description: own ? report.body : summarise(report.body),
      agency_responsible: row.unit,
      service_notice: null,
      requested_datetime: w3c(report.createdAt),
      updated_datetime: w3c(report.updatedAt),
      expected_datetime: report.dueOn && !closed ? `${report.dueOn}T23:59:59+08:00` : null,
      address: [row.building ?? '公共区域', own ? report.placeNote : ''].filter(Boolean).join(' '),
      address_id: report.buildingId,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    };
  }

  /** What became of it, in the words the loop recorded: the answer, the reason for refusing, the report it joined. */
  private notes(
    row: { report: typeof r.$inferSelect; mergedInto: number | null; answer: string | null },
    own: boolean,
  ) {
    const { report } = row;
    switch (report.status) {
      case 'received':
        return '已受理，待交办';
      case 'assigned':
        return report.dueOn ? `已交办，${report.dueOn} 前答复` : '已交办';
      case 'answered':
        return own && row.answer ? `已答复：${row.answer}` : '已答复，待评价';
      case 'closed':
        return own && row.answer ? `已办结：${row.answer}` : '已办结';
      case 'rejected':
        return `不予受理：${report.rejectReason ?? ''}`;
      case 'merged':
        return row.mergedInto ? `与 #${row.mergedInto} 合并办理` : '已合并办理';
    }
  }
}
