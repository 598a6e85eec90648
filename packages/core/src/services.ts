import {
  PhoneCodes,
  RateLimiter,
  SessionStore,
  SmsGate,
  type Clock,
  type PasswordHasher,
  type SmsSender,
} from '@city/auth';
import type { Database } from '@city/db';
import type { FontSource } from '@city/documents/pdf';
import { Accounts } from './accounts.ts';
import { Applications } from './applications.ts';
import { WorkingCalendars } from './calendar/index.ts';
import {
  BusinessFeedback,
  DepartmentFeedback,
  FeedbackClock,
  FeedbackDepartments,
  FeedbackReports,
  FeedbackSupervision,
  Open311,
  PhoneFeedback,
  PhoneReporterTexts,
} from './feedback/index.ts';
import { Invitations } from './invitations.ts';
import { EventOutbox } from './events.ts';
import { Members } from './members.ts';
import {
  DevWechatSender,
  Inbox,
  NotificationKinds,
  NotificationOutbox,
  Notifier,
  type WechatSender,
} from './notifications/index.ts';
import { notices } from './notices.ts';
import { Organisations } from './organisations.ts';
import { OwnerLookalikes } from './owner-lookalikes.ts';
import { PersonalData } from './personal-data.ts';
import { Regions } from './regions.ts';
import { RegistryImports } from './registry-import/imports.ts';
import { Registry } from './registry.ts';
import { Supervision } from './supervision.ts';
import { CommitteeHealth } from './committee/health.ts';
import { Tenants } from './tenants.ts';
import { Verification } from './verification.ts';

export interface CoreDeps {
  db: Database;
  clock: Clock;
  sms: SmsSender;
  passwords: PasswordHasher;
  /** Where people reach the portal; used in SMS texts. */
  publicUrl: string;
  /** Secret for the keyed hash of ID numbers (PIPL); the same key must be used for the life of the data. */
  piiKey: Uint8Array;
  /** WeChat subscription messages; the development sender (in memory) when absent. */
  wechat?: WechatSender;
  /** The WeChat template id of each notification kind sent there. */
  wechatTemplates?: Record<string, string>;
  /**
   * Noto Sans SC for printouts: `nodeFontSource()` (`@city/documents/pdf/node-fonts`) in Node, `assetFontSource`
   * over the static assets on an edge runtime.
   */
  fonts: FontSource;
}

/** Wires the core services once per app from injected dependencies (no globals). */
export function createServices(deps: CoreDeps) {
  const { db, clock } = deps;
  const sessions = new SessionStore(db, clock);
  const limiter = new RateLimiter(db, clock);
  const codes = new PhoneCodes(db, clock);
  const regions = new Regions(db);
  const events = new EventOutbox();
  const registry = new Registry(deps.piiKey, events);
  const notificationKinds = new NotificationKinds();
  const notifications = new NotificationOutbox(notificationKinds);
  const wechat = deps.wechat ?? new DevWechatSender();
  const calendars = new WorkingCalendars(db);
  const notifier = new Notifier({
    db,
    clock,
    sms: new SmsGate(deps.sms, limiter),
    wechat,
    wechatTemplates: deps.wechatTemplates ?? {},
    publicUrl: deps.publicUrl,
    outbox: notifications,
  });
  const feedback = new FeedbackReports({
    notifications,
    calendars,
    texts: new PhoneReporterTexts({ clock, sms: deps.sms, publicUrl: deps.publicUrl }),
  });
  const supervision = new Supervision(db, regions);
  return {
    ...deps,
    sessions,
    limiter,
    codes,
    accounts: new Accounts({ db, passwords: deps.passwords, sessions, codes, limiter, sms: deps.sms }),
    regions,
    calendars,
    feedback,
    open311: new Open311({ reports: feedback }),
    phoneFeedback: new PhoneFeedback({ codes, limiter, sms: deps.sms, reports: feedback }),
    feedbackClock: new FeedbackClock({ db, clock, reports: feedback, notifier }),
    businessFeedback: new BusinessFeedback({ db, clock, reports: feedback, notifier }),
    departmentFeedback: new DepartmentFeedback({ db, clock, reports: feedback, notifier }),
    feedbackDepartments: new FeedbackDepartments(db),
    tenants: new Tenants(db, clock),
    applications: new Applications(db, clock),
    organisations: new Organisations(db, clock),
    events,
    notifications,
    notifier,
    inbox: new Inbox({ db, clock, kinds: notificationKinds, wechat }),
    wechat,
    invitations: new Invitations({ ...deps, events, notifications }),
    supervision,
    feedbackSupervision: new FeedbackSupervision({ db, clock, supervision, reports: feedback, calendars }),
    committeeHealth: new CommitteeHealth({ db, clock, supervision }),
    members: new Members(events),
    notices,
    registry,
    lookalikes: new OwnerLookalikes(events),
    registryImports: new RegistryImports({ db, clock, registry, events }),
    verification: new Verification({ ...deps, events, notifications }),
    personalData: new PersonalData({ ...deps, sessions, codes, limiter, events }),
  };
}

export type Services = ReturnType<typeof createServices>;
