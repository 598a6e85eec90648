import type { ElectionTally, Figures, MotionTally } from '@city/plugin-sdk/voting';

/**
 * A meeting's public bulletin board (公告板): one JSON document from which anyone recomputes the roll commitment, the
 * ballot chain and every motion's result. Plain data and plain functions only: the server writes it, the standalone
 * verifier (tools/verify-meeting.ts) reads it, and both check it with the same code (./verify.ts).
 */
export const BOARD_FORMAT = 'city-life/meeting-board@1';

/** One unit of a counting owner: a per-meeting pseudonym, its building (scopes name buildings) and counting area. */
export interface BoardUnit {
  ref: string;
  building: string;
  /** 0.01 m². */
  area: number;
  /** The address, only where the meeting's disclosure level shows rooms (not committed to: a label for people). */
  room?: string;
}

/** A counting owner (计票主体) under its roll id, without names: headcount 1, its units, who may vote for it (keyed). */
export interface BoardOwner {
  id: string;
  kind: 'developer' | 'owner';
  area: number;
  headcount: number;
  units: BoardUnit[];
  /** The registry owners who may vote for it online, each as a per-meeting keyed id. */
  voters: string[];
}

export interface BoardMotion {
  id: string;
  position: number;
  title: string;
  kind: 'motion' | 'election';
  threshold: 'ordinary' | 'special';
  seats: number | null;
  candidates: string[];
  /** The buildings whose owners decide it; null for the whole neighbourhood. */
  scope: string[] | null;
}

/** What the meeting committed to before the first ballot: its window and its agenda. */
export interface BoardTerms {
  meetingId: string;
  opensAt: string;
  closesAt: string;
  motions: BoardMotion[];
}

/** An answer on one motion as the chain commits to it: a choice, or the candidates chosen (sorted). */
export type Answer =
  | { motionId: string; choice: 'agree' | 'oppose' | 'abstain' | 'invalid' }
  | { motionId: string; candidateIds: string[] };

/**
 * One fact that moves the count. `accepted`: a ballot counts (and, naming `supersedes`, the counted ballot with that
 * receipt digest stops counting); `invalid`: a paper sheet that is 废票 as a whole — it takes part, agrees with nothing;
 * `rejected`: an entry the second teller refused — it never counts, and stays on the record.
 */
export interface EntryFacts {
  kind: 'accepted' | 'invalid' | 'rejected';
  owner: string;
  channel: 'online' | 'paper' | 'proxy';
  /** SHA-256 of the receipt code: the voter finds their entry; nobody else learns the code. */
  receipt: string;
  /** SHA-256 of [nonce, answers] for an accepted ballot; null otherwise. */
  choices: string | null;
  at: string;
  /** When the paper sheet reached the tellers (paper and proxy ballots). */
  receivedAt: string | null;
  supersedes: string | null;
  /** 表决票编号. */
  sheet: string | null;
  /** The proxy holder, keyed per meeting. */
  proxy: string | null;
  /** SHA-256 of the signed authorisation's bytes. */
  authorisation: string | null;
}

export interface BoardEntry extends EntryFacts {
  seq: number;
  prev: string;
  hash: string;
  /** After the count: what the digest `choices` hides. */
  reveal?: { nonce: string; answers: Answer[] };
}

export type MotionResult = MotionTally | ElectionTally;

export interface Board {
  format: typeof BOARD_FORMAT;
  neighbourhood: string;
  meeting: { id: string; title: string; status: string; disclosure: string };
  terms: BoardTerms;
  buildings: Array<{ id: string; name: string }>;
  roll: {
    commitment: string;
    total: Figures;
    owners: BoardOwner[];
    /**
     * The roll as the meeting notice published it (null for a meeting announced before notices carried it): the
     * same commitment where the registry did not change between the announcement and the opening.
     */
    announced: { commitment: string; total: Figures } | null;
  };
  chain: { start: string; head: string; entries: BoardEntry[] };
  /** The published result per motion id, once counted; null before. */
  totals: Record<string, MotionResult> | null;
}
