import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute, type RouteDeclaration } from '@city/contracts/routes';
import {
  EVENT_NAME,
  type CoreEventName,
  type CoreEventPayloads,
  type DataSubject,
  type NoticeInput,
  type OrganisationRole,
  type Scope,
  type TenantRole,
} from '@city/contracts';
import type { FontSource } from '@city/documents/pdf';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Schema } from 'hono';
import type { PluginLinks } from './links.ts';
import type { LocalizedString, PluginManifest } from './manifest.ts';

/** Tells a unique-constraint failure (optionally a named one) apart, whichever driver reported it. */
export { isForeignKeyViolation, isUniqueViolation } from '@city/db/errors';
/** `column = any($1)` with the values as one array parameter: for the long lists of grouped work. */
export { anyOf } from '@city/db/arrays';
export { cleanUpload, sniffUpload, uploadHeaders, type CleanUpload, type UploadType } from './uploads.ts';
export { IMAGE_LIMITS } from './images.ts';
/** Keyset pagination over UUIDv7 ids (lists are cursor-paged: docs/architecture.md §4), the same cursors the core's lists use. */
export { decodeCursor, encodeCursor, page } from '@city/core/pagination';

/**
 * The plugin's own tables, inside the neighbourhood's transaction and under the plugin's database role: that role
 * can reach only the plugin's tables (granted in its migrations), and row-level security keeps it to one tenant.
 */
export type PluginDb = PgDatabase<PgQueryResultHKT>;

/** A unit of the registry as plugins see it: areas in integer 0.01 m² (docs/architecture.md §3), no personal data. */
export interface UnitSummary {
  id: string;
  buildingId: string;
  buildingName: string;
  entrance: string;
  floor: number;
  room: string;
  /** The area that counts (registered, else measured, else contract), in 0.01 m²; null when none is known. */
  countingArea: number | null;
  areaSource: 'registered' | 'measured' | 'contract' | null;
  saleStatus: string;
}

/** A unit on the owner roll: who owns it now (names only) and, for co-owned units, who votes for it. */
export interface OwnerRollUnit extends UnitSummary {
  owners: Array<{ ownerId: string; name: string; designatedVoter: boolean }>;
}

/**
 * Owner records the registry cannot tell apart (no ID number, the same name and phone) that the admin has not yet
 * confirmed as one person or as different people: their ids and units, never a phone or an ID number.
 */
export interface OwnerLookalikeGroup {
  name: string;
  owners: Array<{ ownerId: string; units: Array<{ unitId: string; address: string }> }>;
}

/** A change the registry recorded for a unit (its audit trail): what kind, when, and the reason where one was given. */
export interface UnitChangeRecord {
  unitId: string;
  /** ISO 8601. */
  at: string;
  /**
   * `owners_changed`: the admin replaced the unit's owners; `unit_updated`: the unit's figures (areas, sale status,
   * address) were edited; `imported`: a registry file rewrote it; `owners_merged`: owner records confirmed as one
   * person were merged.
   */
  kind: 'owners_changed' | 'unit_updated' | 'imported' | 'owners_merged';
  /** The reason given for an owner change, the imported file's name; null where the registry keeps none. */
  reason: string | null;
}

export interface PluginActor {
  id: string;
  displayName: string;
  /** Has a verified link to a unit of this neighbourhood (as owner, family or renter). */
  verified: boolean;
  roles: TenantRole[];
  /** Roles this plugin added that the admin gave this member. */
  pluginRoles: string[];
}

/**
 * What a plugin can do in one neighbourhood. Each capability checks its scope when called and throws
 * ScopeNotGranted (→ 403) if the admin did not grant it.
 */
export interface PluginContext<S = Record<string, unknown>> {
  plugin: { id: string; version: string };
  tenant: { id: string; slug: string; name: string };
  /** The member calling a route; null on public and supervision routes, in event handlers and lifecycle hooks. */
  actor: PluginActor | null;
  /** On supervision routes: the 街道/社区 staff member reading (the transaction is read-only). */
  supervisor: { id: string; displayName: string } | null;
  settings: S;
  /**
   * The plugin's addresses in this neighbourhood, absolute (the portal's public address), for links and QR codes in
   * notices and printouts: its members' pages, its public pages and the files they pass through.
   */
  links: PluginLinks;
  /** The platform's clock (tests control it): use it for every time the plugin stores. */
  now(): Date;
  /** The platform's fonts for printouts: pass them to `renderPrintedNotice` (`@city/plugin-sdk/documents`). */
  fonts: FontSource;
  /**
   * Whether the neighbourhood granted a scope. An install from before the plugin asked for a scope has not, until its
   * admin upgrades it: check before using a scope added in a later version.
   */
  granted(scope: Scope): boolean;
  /**
   * A value kept in the app's memory between requests, for this plugin in this neighbourhood: `load` runs the first
   * time (in this transaction). Only for what never changes once written (an announced meeting's agenda) — another
   * server, or a restart, reads it again.
   */
  remember<T>(key: string, load: () => Promise<T>): Promise<T>;
  db: PluginDb;
  registry: {
    /** `registry:read`: the buildings, by name. */
    buildings(): Promise<Array<{ id: string; name: string }>>;
    /** `registry:read` */
    units(): Promise<UnitSummary[]>;
    /** `registry:owners`: every unit with its current owners, in address order. */
    ownerRoll(): Promise<OwnerRollUnit[]>;
    /** `registry:owners`: the registry owners this member is verified as. */
    ownerIdsOf(userId: string): Promise<string[]>;
    /**
     * `registry:owners`: owner records that may be one person entered twice, awaiting the admin's confirmation in the
     * registry (each would otherwise count as a person of its own).
     */
    unconfirmedLookalikes(): Promise<OwnerLookalikeGroup[]>;
    /** `registry:owners`: the changes the registry recorded for these units after `since`, oldest first. */
    unitChanges(unitIds: readonly string[], since: Date): Promise<UnitChangeRecord[]>;
  };
  members: {
    /** `members:read` */
    list(): Promise<Array<{ userId: string; displayName: string; roles: TenantRole[] }>>;
    /**
     * `members:homes`: the units the calling member (`actor`) is verified for, with the address to show; a plugin
     * reads its own caller's homes only (where a home visit goes), never another member's.
     */
    homes(): Promise<Array<{ unitId: string; address: string; relation: 'owner' | 'family' | 'renter' | 'other' }>>;
  };
  /** `notices:publish`: published at once, in this transaction, in the plugin's name. */
  notices: { publish(input: NoticeInput): Promise<{ id: string }> };
  /** `audit:write`: actions are recorded as `<pluginId>.<action>`. */
  audit: {
    append(entry: {
      action: string;
      targetType: string;
      targetId: string;
      details?: Record<string, unknown>;
    }): Promise<void>;
  };
  /**
   * `notifications:send`: a notification of one of the plugin's declared kinds (`name` without the plugin id), to
   * members of this neighbourhood (by id, by role, or its verified owners) or to the staff of a business; each person
   * gets it in their inbox, and by text or WeChat as they chose, after this transaction commits. The same `key` again
   * adds nothing (a retried request, a re-delivered event). A plugin reaches one person at most 20 times a day. A
   * kind or link it may not send throws at the call; the write itself goes with the transaction's next statement, so a
   * database's refusal of it fails the transaction there.
   */
  notifications: { send(notification: PluginNotification): Promise<void> };
  /**
   * `feedback:create`: opens a 码上提 report in the name of the member calling the route (`actor`; there is none in
   * event handlers, and the call throws there), for the neighbourhood's staff to sort, assign and answer; the member
   * follows it like any report they make. The same `key` again returns the report already opened.
   */
  feedback: {
    /** The report's id, the number people quote, and the portal page (a path) where the member follows it. */
    open(report: PluginFeedbackReport): Promise<{ id: string; number: number; link: string }>;
  };
  /** Emits `<pluginId>.<name>`, delivered after this transaction commits. Needs no scope. */
  events: { emit(name: string, payload: Record<string, unknown>): Promise<void> };
  /**
   * Marks people chose to show next to their name in this neighbourhood (亮身份), contributed by plugins: a plugin
   * that shows names (topics, replies) asks for them; a plugin that knows something a person wants shown sets it.
   * The core keeps them without knowing what they mean, and shows none of a plugin that is not enabled.
   */
  profiles: {
    /** Needs no scope: what members chose to show, by user id (people without badges are left out). */
    badges(userIds: readonly string[]): Promise<Record<string, ProfileBadge[]>>;
    /**
     * `profile:badges`: shows this plugin's badge next to a member's name everywhere at once, or with null takes it
     * away everywhere at once. Only ever at the person's own wish (their opt-in, kept by the plugin).
     */
    setBadge(userId: string, label: LocalizedString | null): Promise<void>;
  };
}

/** One plugin's mark next to a person's name (e.g. 共产党员 for a party member who chose to show it). */
export interface ProfileBadge {
  plugin: string;
  label: LocalizedString;
}

/** A neighbourhood as an organisation sees it: where the plugin is offered. */
export interface OfferingNeighbourhood {
  id: string;
  slug: string;
  name: string;
}

/**
 * What a plugin can do for an organisation (a business serving many neighbourhoods) on its `organisationRoutes`. No
 * neighbourhood is entered: `db` reaches the plugin's organisation-wide rows and, through their own policies
 * (`organisation_id = app_organisation()`), the rows the organisation shares with neighbourhoods — nothing else.
 */
export interface OrganisationContext {
  plugin: { id: string; version: string };
  organisation: { id: string; name: string };
  /** The staff member calling, with their role in the organisation. */
  actor: { id: string; displayName: string; role: OrganisationRole };
  /** The plugin's pages for this organisation, absolute. */
  links: PluginLinks;
  now(): Date;
  db: PluginDb;
  /**
   * `notifications:send` in a neighbourhood the business serves (where the plugin is enabled): e.g. a resident told
   * that the business accepted their order. Refused (ScopeNotGranted) where the neighbourhood has not granted the
   * scope: ask `granted` first.
   */
  notifications: {
    granted(neighbourhoodId: string): Promise<boolean>;
    send(neighbourhoodId: string, notification: PluginNotification): Promise<void>;
  };
  neighbourhoods: {
    /** Active neighbourhoods that have this plugin enabled, by name: where the organisation may offer its work. */
    offering(): Promise<OfferingNeighbourhood[]>;
    /** One of those by slug; null when it does not exist or does not offer the plugin. */
    offeringBySlug(slug: string): Promise<OfferingNeighbourhood | null>;
    /** One of those by id (the neighbourhood of an order, say); null likewise. */
    offeringById(id: string): Promise<OfferingNeighbourhood | null>;
  };
}

/** A region of the administrative tree 区 → 街道 → 社区. */
export interface RegionSummary {
  id: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentId: string | null;
}

/**
 * What a plugin can do for the staff of a region (a 街道, 社区 or 区) on its `regionRoutes`. No neighbourhood is
 * entered: `db` (read-write) reaches the plugin's rows through their own policies — the region's rows by
 * `region_id = app_region()`, its branch's by `region_id = any(app_region_branch())`, the neighbourhoods' below it by
 * `tenant_id = any(app_supervised_tenants())` — nothing else.
 */
export interface RegionContext {
  plugin: { id: string; version: string };
  /** The route's region. */
  region: RegionSummary;
  /** The staff member calling: of this region or of one above it. */
  actor: { id: string; displayName: string };
  /** The plugin's pages for this region, absolute. */
  links: PluginLinks;
  now(): Date;
  db: PluginDb;
  regions: {
    /** The region itself and every region below it, by level (区, 街道, 社区) then name. */
    branch(): Promise<RegionSummary[]>;
  };
  neighbourhoods: {
    /** Active neighbourhoods under the region that have this plugin enabled, by name. */
    enabled(): Promise<
      Array<{ id: string; slug: string; name: string; communityId: string | null; streetId: string | null }>
    >;
  };
}

export interface PluginEvent<P = Record<string, unknown>> {
  id: string;
  name: string;
  payload: P;
  createdAt: string;
}

// Method syntax makes the parameter bivariant, so a core event's typed handler also fits the catch-all signature.
export type EventHandler<S = Record<string, unknown>, P = Record<string, unknown>> = {
  handle(context: PluginContext<S>, event: PluginEvent<P>): Promise<void>;
}['handle'];

/** Handlers by event name: core events with their typed payloads, other plugins' events (`<id>.<name>`) as data. */
export type PluginEventHandlers<S> = { [E in CoreEventName]?: EventHandler<S, CoreEventPayloads[E]> } & {
  [name: `${string}.${string}`]: EventHandler<S, Record<string, unknown>> | undefined;
};

export interface PluginNotification {
  /** One of the kinds in the manifest's `notifications`. */
  kind: string;
  key: string;
  /** Members by id or role; the verified owners (of homes in these buildings, when given); a business's staff. */
  to:
    | { users: string[] }
    | { roles: TenantRole[] }
    | { owners: true; buildings?: string[] | null }
    | { organisation: string };
  title: LocalizedString;
  body: LocalizedString;
  /** A portal path: the page the notification is about. */
  link: string;
  /** Not before this time (a reminder). */
  notBefore?: Date;
}

export interface PluginFeedbackReport {
  /** The plugin's own id for what it reports (a complaint's id). */
  key: string;
  /** One of the neighbourhood's categories; any other (or none) files it under the last one, 其他 by default. */
  category?: string;
  body: string;
  /** A building of the registry where it happened; a public area of the neighbourhood otherwise. */
  buildingId?: string | null;
  /** Where exactly, in the member's words. */
  note?: string;
  /** The business it is about (a complaint): staff may assign it to that business. */
  about?: { organisationId: string; name: string };
}

export interface PluginTodo {
  /** Its kind within the plugin (`vote`), shown to the person's tools as `<plugin id>.<kind>`. */
  kind: string;
  title: LocalizedString;
  /** The part of the title people typed (a meeting's title), as it stands in each language's title. */
  named?: string;
  body: LocalizedString;
  /** The portal path where it is done. */
  link: string;
  action: LocalizedString;
  due: Date | null;
  urgent: boolean;
}

/** The person a `personalData` hook exports or erases, in the neighbourhood of the context. */
export type { DataSubject };

/**
 * What a plugin keeps about a person, and how it lets go of it (PIPL arts. 45, 47; docs/domain.md §5.5). The core
 * calls these in each neighbourhood where the person has been and the plugin is installed (enabled, disabled, or
 * uninstalled with its data kept), inside that neighbourhood's transaction, as the plugin (its own tables, its
 * granted scopes); `context.actor` is null. A hook that fails fails the whole export or deletion, and the person is
 * told which plugin failed.
 */
export interface PersonalDataHooks<S> {
  /** The plugin's part of the person's export: plain JSON data, in sections named for the person to read. */
  export(context: PluginContext<S>, subject: DataSubject): Promise<Record<string, unknown>>;
  /**
   * Erases the person: deletes or blanks what is theirs (texts they wrote, their numbers), and writes
   * `subject.pseudonym` in place of their name on the records the law requires to keep (ballots, money facts).
   * May run twice for the same person (a deletion retried after a failure elsewhere): leave nothing half-done.
   */
  erase(context: PluginContext<S>, subject: DataSubject): Promise<void>;
  /**
   * What the plugin keeps about a business's staff member in the organisation's rows (the steps they took on its
   * orders, the replies they signed), run once per organisation the person belongs or belonged to, as the plugin in that
   * organisation's transaction; `context.actor` is the person themselves. `erase` writes `subject.pseudonym` where
   * their name stands and keeps the business's records (a step, a reply) as they are: they are the business's, not
   * the person's. `subject.ownerIds` is empty. Like `erase` above, it may run twice.
   */
  staff?: {
    export(context: OrganisationContext, subject: DataSubject): Promise<Record<string, unknown>>;
    erase(context: OrganisationContext, subject: DataSubject): Promise<void>;
  };
}

/** One request's share of a group: who sent it and what it asks. */
export interface GroupItem<Input> {
  actor: PluginActor;
  input: Input;
}

/**
 * Work that concurrent requests hand to one shared transaction (group commit): a route declared `grouped` opens no
 * transaction of its own; its handler passes its input to `c.get('group')(work, input)`, and the runtime runs the
 * items waiting for the same key together — one transaction, one set of statements for many requests — while the
 * next group gathers. Meant for hot writes many people make at once (ballots); a group of one behaves like a route.
 */
export interface GroupWork<S, Input, Output> {
  /** Items with the same key (in one neighbourhood) share a group, one group at a time per key: e.g. one meeting. */
  key(input: Input): string;
  /**
   * Runs a group in one transaction of the neighbourhood, as the plugin; `context.actor` is null (each item names
   * its member, already checked). Returns each item's outcome, in order: its result, or the Error that refuses it —
   * and a refused item must have written nothing. Throwing fails the group; the runtime then runs its items again
   * one by one, so one item's fault is never another's.
   */
  run(context: PluginContext<S>, items: ReadonlyArray<GroupItem<Input>>): Promise<Array<Output | Error>>;
}

/** In a grouped route's handler: the item's result once its group has committed, or the error refusing it. */
export type GroupSubmit<S> = <Input, Output>(work: GroupWork<S, Input, Output>, input: Input) => Promise<Output>;

/**
 * `plugin` is the request's context in a neighbourhood (not set on grouped routes, which have no transaction of their
 * own); `group` is set on grouped routes only; `org` on organisation routes only, `region` on region routes only
 * (instead of `plugin`).
 */
export type PluginEnv<S = Record<string, unknown>> = {
  Variables: { plugin: PluginContext<S>; group: GroupSubmit<S>; org: OrganisationContext; region: RegionContext };
};
/**
 * A plugin's router. `Routes` carries the routes already defined on it, so a plugin can define its API in groups
 * (`(router: PluginRouter<S, R>) => router.openapi(…)`, generic in R) and its typed client still sees every route.
 */
// `{}` is Hono's own "no routes yet" schema; any other default would change the client's inferred type.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type PluginRouter<S = Record<string, unknown>, Routes extends Schema = {}> = OpenAPIHono<PluginEnv<S>, Routes>;

type Settings<M extends PluginManifest> = z.infer<M['settings']>;

export interface PluginServer<M extends PluginManifest = PluginManifest> {
  manifest: M;
  /** Folder of the plugin's SQL migrations (tables prefixed with its id, tenant_id, forced RLS, its own role). */
  migrations?: string;
  /** Its API for members, mounted under /api/v1/t/:tenant/p/<id>/. */
  routes?: (router: PluginRouter<Settings<M>>) => PluginRouter<Settings<M>>;
  /** Routes anyone may call without signing in (access ['public']), under /api/v1/public/n/:tenant/p/<id>/. */
  publicRoutes?: (router: PluginRouter<Settings<M>>) => PluginRouter<Settings<M>>;
  /**
   * Read-only routes for the 街道/社区 staff above the neighbourhood (access ['region-staff', 'operator']), under
   * /api/v1/supervision/neighbourhoods/:tenant/p/<id>/: the transaction is READ ONLY and `context.supervisor` says who reads.
   */
  supervisionRoutes?: (router: PluginRouter<Settings<M>>) => PluginRouter<Settings<M>>;
  /**
   * Routes for the staff of an organisation (a business registered on the platform that serves many neighbourhoods),
   * under /api/v1/o/:organisation/p/<id>/, access `org:member` or `org:<role>`; handlers read `c.get('org')`.
   */
  organisationRoutes?: (router: PluginRouter<Settings<M>>) => PluginRouter<Settings<M>>;
  /**
   * Routes for the staff of a region (a 街道, 社区 or 区) and of the regions above it, under /api/v1/r/:region/p/<id>/,
   * access ['region:staff']; handlers read `c.get('region')`. For rows that belong to a region of the tree (a 社区党委
   * spanning the neighbourhoods of its 社区), kept by the plugin's region policies (see RegionContext).
   */
  regionRoutes?: (router: PluginRouter<Settings<M>>) => PluginRouter<Settings<M>>;
  /** Throwing means "retry later"; the core action that emitted the event is never affected. */
  events?: PluginEventHandlers<Settings<M>>;
  /**
   * Who of a notification's people still needs it when it goes out, by kind name: for one sent later (a reminder
   * before a deadline, `notBefore`), called on each batch of its people in the neighbourhood's transaction, as the
   * plugin, with the key it was sent with; returns those to notify (e.g. the owners who have not voted yet).
   */
  notificationRecipients?: Readonly<
    Record<string, (context: PluginContext<Settings<M>>, key: string, userIds: string[]) => Promise<string[]>>
  >;
  /**
   * What needs the calling member here, for the top of their home page (a vote they have not cast, an order on its
   * way): run in the neighbourhood's transaction as the plugin, `context.actor` the member. Kept short and cheap: it
   * runs on every visit of the home page. A hook that fails is left out, never the page.
   */
  todo?: (context: PluginContext<Settings<M>>) => Promise<PluginTodo[]>;
  /** A plugin that keeps data about people says what it is and how to erase it (see PersonalDataHooks). */
  personalData?: PersonalDataHooks<Settings<M>>;
  lifecycle?: {
    install?: (context: PluginContext<Settings<M>>) => Promise<void>;
    /** Runs once per upgrade, in the upgrade's transaction, with the version being left. */
    upgrade?: (context: PluginContext<Settings<M>>, from: string) => Promise<void>;
    uninstall?: (context: PluginContext<Settings<M>>) => Promise<void>;
    /** Deletes the plugin's data for this neighbourhood (after uninstall, confirmed by the admin). */
    purge?: (context: PluginContext<Settings<M>>) => Promise<void>;
    /** Fills a freshly installed neighbourhood with sample data; only the demo seeding of `npm start` calls it. */
    demo?: (context: PluginContext<Settings<M>>) => Promise<void>;
    /**
     * Fills a demo organisation's own data (a vendor's profile and catalogue, its applications), before the
     * neighbourhoods' `demo` hooks run; only the demo seeding of `npm start` calls it.
     */
    organisationDemo?: (context: OrganisationContext) => Promise<void>;
    /** Fills a demo region's own rows (a 社区's or 街道's), after the neighbourhoods' `demo` hooks; only `npm start` calls it. */
    regionDemo?: (context: RegionContext) => Promise<void>;
  };
}

/**
 * The server half of a plugin: its manifest with routes, event handlers, lifecycle hooks and migrations. A plugin
 * that keeps data must say how to delete it (a purge hook), like Shopify's mandatory data-deletion webhooks.
 */
export function definePluginServer<M extends PluginManifest>(server: PluginServer<M>): PluginServer<M> {
  const id = server.manifest.id;
  for (const name of Object.keys(server.events ?? {})) {
    if (!EVENT_NAME.test(name)) throw new Error(`${id}: event name must be "<source>.<name>": ${name}`);
  }
  if (server.migrations && !server.lifecycle?.purge) throw new Error(`${id}: a plugin with tables needs a purge hook`);
  return server;
}

/** The route kit's answers and bodies (@city/contracts/routes), for plugin routes as for the core's. */
export { fileResponse, json, jsonBody } from '@city/contracts/routes';

/**
 * A plugin route: the route kit's declaration, with the `{tenant}` (on organisation routes `{organisation}`, on region
 * routes `{region}`) path parameter of the address it is mounted at. `access` lists who may call it in the one grant
 * vocabulary of `@city/contracts` (`tenant:member`, `tenant:admin`, `plugin-role:<id>.<role>`, `public`, `region-staff`
 * and `operator`, `org:member`, `org:<role>`, `region:staff`); the runtime checks them before the request is
 * validated — default deny — and refuses, when the plugin is mounted, grants that do not fit the audience of the routes
 * they are on. A `grouped` route (access `['tenant:member']` only) opens no transaction of its own: see `GroupWork`.
 */
export function pluginRoute<const R extends Omit<RouteDeclaration, 'limit'> & { grouped?: true }>(config: R) {
  const { grouped, ...rest } = config;
  const params = (rest.request?.params as z.ZodObject | undefined) ?? z.object({});
  const scope = rest.access.some((g) => g.startsWith('org:'))
    ? { organisation: z.string().openapi({ description: 'Organisation id' }) }
    : rest.access.includes('region:staff')
      ? { region: z.string().openapi({ description: 'Region id' }) }
      : { tenant: z.string().openapi({ description: 'Neighbourhood slug' }) };
  return defineRoute({
    ...rest,
    request: { ...rest.request, params: params.extend(scope) },
    ...(grouped ? { 'x-plugin-grouped': true } : {}),
  } as unknown as Omit<R, 'grouped'>);
}
