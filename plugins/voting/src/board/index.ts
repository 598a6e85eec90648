/** The bulletin board's pure functions, shared by the server and the standalone verifier (tools/verify-meeting.ts). */
export * from './types.ts';
export { entryHash, entryPayload } from './chain.ts';
export { chainStart, rollCommitment } from './commitment.ts';
export { choicesDigest, keyedId, randomHex, receiptDigest } from './digests.ts';
export { inScope, motionsFor, recount, scopedArea, scopedTotal, type CountedBallot } from './recount.ts';
export { caught, type Difference, type DifferenceCode } from './difference.ts';
export { ChainReplay } from './replay.ts';
export { auditBoard, verifyBoard, type Verification } from './verify.ts';
