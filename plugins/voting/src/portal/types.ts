import type { PageKit, PluginPageProps } from '@city/plugin-sdk/portal';
import type { z } from '@hono/zod-openapi';
import type {
  ChainCheckSchema,
  ElectionTallySchema,
  MeetingListSchema,
  MeetingSchema,
  MotionTallySchema,
  MyVotesSchema,
  PendingBallotsSchema,
  ProxyDocumentSchema,
  ReconciliationSchema,
  ReportSchema,
  RollSchema,
  TopicDetailSchema,
  TopicListSchema,
  TurnoutSchema,
  VerifiedReceiptSchema,
} from '../contracts.ts';
import type { MessageKey } from './messages/index.ts';

// Types only: the portal bundle must not pull zod schemas (or any server code) in with them.

export type TopicList = z.infer<typeof TopicListSchema>;
export type Topic = TopicList['items'][number];
export type TopicDetail = z.infer<typeof TopicDetailSchema>;
export type Reply = TopicDetail['replies'][number];
export type Report = z.infer<typeof ReportSchema>;

export type Meeting = z.infer<typeof MeetingSchema>;
export type MeetingStatus = Meeting['status'];
/** The status as the clock has it (an open meeting past its closing time is 'ended', awaiting its count). */
export type MeetingPhase = Meeting['phase'];
export type Motion = Meeting['motions'][number];
export type MeetingList = z.infer<typeof MeetingListSchema>;
export type MeetingSummary = MeetingList['items'][number];
export type Turnout = z.infer<typeof TurnoutSchema>;
export type MotionTally = z.infer<typeof MotionTallySchema>;
export type ElectionTally = z.infer<typeof ElectionTallySchema>;
export type MyVotes = z.infer<typeof MyVotesSchema>;
export type MyVote = MyVotes['items'][number];
export type RecordedChoice = NonNullable<MyVote['ballot']>['choices'][number];
export type BallotStatus = NonNullable<MyVote['ballot']>['status'];
export type Channel = NonNullable<MyVote['ballot']>['channel'];
export type Roll = z.infer<typeof RollSchema>;
export type RollOwner = Roll['items'][number];
export type PendingBallot = z.infer<typeof PendingBallotsSchema>['items'][number];
export type VerifiedReceipt = z.infer<typeof VerifiedReceiptSchema>;
export type ChainCheck = z.infer<typeof ChainCheckSchema>;
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
export type ProxyDocument = z.infer<typeof ProxyDocumentSchema>;

export type TopicsData = {
  topics: TopicList;
};

export type TopicData = {
  topic: TopicDetail;
  canRaise: boolean;
  canModerate: boolean;
  supportThreshold: number;
  /** Runs meetings (the committee, or the admin while there is none): may turn an eligible topic into a motion. */
  canManage: boolean;
  /** Draft meetings the topic can join as a motion; empty unless the visitor runs meetings and the topic is eligible. */
  drafts: Array<{ id: string; title: string }>;
};

export type ReportsData = {
  reports: Report[];
};

export type MeetingsData = {
  meetings: MeetingList;
};

export type MeetingData = {
  meeting: Meeting;
  /** Null for a draft (only managers see drafts, and nobody votes on one). */
  mine: MyVotes | null;
  /** A fresh Idempotency-Key per counting owner: a resubmitted form never casts twice. */
  keys: Record<string, string>;
  canTell: boolean;
};

/** A ballot as ticked, shown back in words before it is cast (the meeting page's `review` action, or the page itself). */
export type BallotReview = {
  rollOwnerId: string;
  /** The Idempotency-Key of the form it came from, so casting it twice still casts once. */
  key: string;
  /** The form's fields as ticked, posted again as hidden fields when it is cast. */
  values: Record<string, string>;
  choices: RecordedChoice[];
};

/** What a manage action reports when it succeeds (`{ done }`); the page answers with `manage.done.<it>`. */
export type ManageDone =
  | 'saved'
  | 'motionAdded'
  | 'motionRemoved'
  | 'announced'
  | 'opened'
  | 'closed'
  | 'confirmed'
  | 'rejected'
  | 'sheetCounts';

export type ManageData = {
  meeting: Meeting;
  canManage: boolean;
  /** Tellers (admin, committee, staff) enter and check paper and proxy ballots once voting is open. */
  canTell: boolean;
  /** The roll's search, filters and page being shown (kept when an owner is picked). */
  q: string;
  building: string;
  status: '' | 'voted' | 'unvoted';
  cursor: string;
  roll: Roll | null;
  /** The counting owner picked from the roll for a paper or proxy entry. */
  picked: RollOwner | null;
  pending: PendingBallot[];
  /** 纸质票对账: sheets handed out, collected, entered and checked (tellers, once voting has opened). */
  reconciliation: Reconciliation | null;
  chain: ChainCheck | null;
  /** When the page was made, for the received-at field's default (the server's clock, so the form renders once). */
  now: string;
  /** Whether the meeting can be announced now: it has motions and opens after the notice period. */
  announceable: boolean;
  /** Whether the voting window allows opening or closing now (the buttons wait until it does). */
  openable: boolean;
  closable: boolean;
  /** The irreversible step whose confirmation is shown (`?confirm=`), when that step can be taken now. */
  confirming: LifecycleStep | null;
};

/** The meeting's irreversible steps, each confirmed on the manage page before it is taken. */
export type LifecycleStep = 'announce' | 'open' | 'close';

export type VerifyData = {
  receipt: string;
  found: VerifiedReceipt | null;
  chain: ChainCheck | null;
  /**
   * Which side of the check this is: `public` (anyone; never choices) or `member` (signed in here; the choices of the
   * visitor's own ballots).
   */
  audience: 'public' | 'member';
};

export type SupervisionData = {
  meetings: Meeting[];
};

/** A page's props and its kit, knowing the plugin's message keys: a misspelt `kit.t('…')` fails the type check. */
export type PageProps<Data> = PluginPageProps<Data, MessageKey>;
export type Kit = PageKit<MessageKey>;
