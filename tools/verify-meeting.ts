/**
 * The standalone verifier of a 业主大会's bulletin board: recomputes the roll commitment, every link of the ballot chain
 * and — once the meeting is counted — every motion's result, with the same pure functions the server counts with
 * (plugins/voting/src/board), and prints "verified" with the totals or the first difference.
 *
 *   node tools/verify-meeting.ts board.json        (Node 24; or: npm run verify-meeting -- board.json)
 *
 * The board is the JSON the meeting publishes at …/p/voting/meetings/<id>/board.json. Exit code 0 when it checks
 * out, 1 when it does not, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { formatArea } from '@city/contracts/values';
import { verifyBoard, type Board, type MotionResult } from '../plugins/voting/src/board/index.ts';

const OUTCOME = { passed: '通过 passed', rejected: '未通过 rejected', not_decided: '未达到参与表决条件 not decided' };

function figures(label: string, f: { area: number; count: number }) {
  return `${label} ${formatArea(f.area)} ㎡ / ${f.count}`;
}

function resultLine(result: MotionResult) {
  if ('outcome' in result)
    return [
      figures('参与 participants', result.participants),
      figures('同意 agree', result.agree),
      figures('反对 oppose', result.oppose),
      figures('弃权 abstain', result.abstain),
      figures('废票 invalid', result.invalid),
      OUTCOME[result.outcome],
    ].join(' · ');
  return [
    figures('参与 participants', result.participants),
    `当选 elected ${result.elected.length}/${result.seats}`,
    result.tie ? `并列 tie among ${result.tie.candidateIds.length}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function main(path: string | undefined): number {
  if (!path) {
    console.error('usage: node tools/verify-meeting.ts board.json');
    return 2;
  }
  let board: Board;
  try {
    board = JSON.parse(readFileSync(path, 'utf8')) as Board;
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    return 2;
  }
  const result = verifyBoard(board);
  if (!result.ok) {
    console.log(`NOT VERIFIED — ${board.meeting?.title ?? path}`);
    console.log(`first difference (${result.difference.code}): ${result.difference.detail}`);
    return 1;
  }
  console.log(`verified — ${board.neighbourhood} · ${board.meeting.title}`);
  console.log(`roll: ${figures('total', board.roll.total)} counting owners, commitment ${board.roll.commitment}`);
  const announced = board.roll.announced;
  if (announced)
    console.log(
      announced.commitment === board.roll.commitment
        ? 'the roll frozen at opening is the roll published with the meeting notice'
        : `the roll changed after the meeting notice (announced ${figures('total', announced.total)}, commitment ${announced.commitment}): the changes were published at opening`,
    );
  console.log(`chain: ${result.entries} entries, head ${board.chain.head}; ${result.counted} ballots count`);
  if (!result.totals) {
    console.log('voting is not counted yet: the choices stay sealed until the count, so the tally is not recomputed');
    return 0;
  }
  for (const motion of [...board.terms.motions].sort((a, b) => a.position - b.position))
    console.log(`${motion.position}. ${motion.title}: ${resultLine(result.totals[motion.id]!)}`);
  return 0;
}

process.exitCode = main(process.argv[2]);
