import {
  countingOwners,
  tallyElection,
  tallyMotion,
  type Choice,
  type CountingOwner,
  type RollUnit,
} from '@city/core/voting';

const UNITS = Number(process.env.BENCH_TALLY_UNITS ?? 20_000);
const RUNS = Number(process.env.BENCH_TALLY_RUNS ?? 200);
/** Grouping the roll of 20,000 units into counting owners at opening, p95 (issue 23). */
const GROUPING_TARGET_MS = 30;
const TARGET_MS = 50;

/** mulberry32: a small seeded PRNG, so every run measures the same neighbourhood and the same ballots. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * UNITS units of 50–150 m²: about 1% still the developer's (unsold or undelivered), about 5% of buyers own two
 * units, about 10% of units co-owned by two with a designated voter; everyone else one unit, one owner.
 */
function roll(random: () => number): RollUnit[] {
  const units: RollUnit[] = [];
  let owner = 0;
  while (units.length < UNITS) {
    const area = 5_000 + Math.floor(random() * 10_001);
    const unitId = `unit-${units.length}`;
    const r = random();
    if (r < 0.01) {
      units.push({
        unitId,
        area,
        saleStatus: random() < 0.7 ? 'unsold' : 'sold_undelivered',
        ownerIds: [],
        designatedVoterId: null,
      });
    } else if (r < 0.11) {
      const ids = [`owner-${owner++}`, `owner-${owner++}`];
      units.push({
        unitId,
        area,
        saleStatus: 'sold_delivered',
        ownerIds: ids,
        designatedVoterId: ids[random() < 0.5 ? 0 : 1]!,
      });
    } else {
      const ids = [`owner-${owner++}`];
      units.push({ unitId, area, saleStatus: 'sold_delivered', ownerIds: ids, designatedVoterId: null });
      if (r < 0.16 && units.length < UNITS) {
        units.push({
          unitId: `unit-${units.length}`,
          area: 5_000 + Math.floor(random() * 10_001),
          saleStatus: 'sold_delivered',
          ownerIds: ids,
          designatedVoterId: null,
        });
      }
    }
  }
  return units;
}

const CHOICES: Choice[] = ['agree', 'agree', 'agree', 'agree', 'oppose', 'abstain', 'invalid'];
const CANDIDATES = Array.from({ length: 15 }, (_, i) => `candidate-${i + 1}`);

function ballotsOf(owners: CountingOwner[], random: () => number) {
  const motion: { area: number; choice: Choice }[] = [];
  const election: { area: number; invalid?: boolean; choices: string[] }[] = [];
  for (const o of owners) {
    if (random() >= 0.75) continue;
    motion.push({ area: o.area, choice: CHOICES[Math.floor(random() * CHOICES.length)]! });
    // Up to nine names, popular candidates more often, the odd invalid paper ballot.
    const choices = CANDIDATES.filter((_, i) => random() < 0.85 - i * 0.04).slice(0, 9);
    election.push(random() < 0.02 ? { area: o.area, invalid: true, choices } : { area: o.area, choices });
  }
  return { motion, election };
}

/** Runs `fn` RUNS times after a warm-up of a fifth of that; milliseconds per run, sorted. */
function time(fn: () => unknown): number[] {
  let sink: unknown;
  for (let i = 0; i < Math.max(1, Math.round(RUNS / 5)); i++) sink = fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    sink = fn();
    samples.push(performance.now() - started);
  }
  if (sink === undefined) throw new Error('nothing measured');
  return samples.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** The vote arithmetic over one neighbourhood's roll, against a bare loop over the same ballots in the same run. */
export async function run() {
  const random = prng(20_251_126);
  const units = roll(random);
  const { owners, total } = countingOwners(units);
  const { motion, election } = ballotsOf(owners, random);

  const cases = {
    'baseline: loop summing ballot areas': () => {
      let area = 0;
      for (const b of motion) area += b.area;
      return area;
    },
    'countingOwners (roll, at opening)': () => countingOwners(units),
    'tallyMotion (one motion)': () => tallyMotion({ threshold: 'special', total, ballots: motion }),
    'tallyElection (9 seats, 15 candidates)': () =>
      tallyElection({ seats: 9, candidateIds: CANDIDATES, total, ballots: election }),
  };
  const results = Object.entries(cases).map(([name, fn]) => ({ name, samples: time(fn) }));
  const baseline = quantile(results[0]!.samples, 0.5);

  const motionResult = tallyMotion({ threshold: 'special', total, ballots: motion });
  const electionResult = tallyElection({ seats: 9, candidateIds: CANDIDATES, total, ballots: election });
  console.log(
    `\nvote arithmetic — ${units.length} units → ${total.count} counting owners (developer ${owners[0]!.kind === 'developer' ? owners[0]!.unitIds.length : 0} units), ` +
      `${motion.length} ballots; ${RUNS} runs each after a warm-up`,
  );
  console.log(
    `motion: ${motionResult.outcome} (agree ${motionResult.agree.count}/${motionResult.participants.count}); election: ${electionResult.elected.length} elected, tie ${electionResult.tie ? 'yes' : 'no'}, ${electionResult.emptySeats} empty`,
  );
  console.table(
    results.map((r) => ({
      case: r.name,
      'median ms': quantile(r.samples, 0.5).toFixed(3),
      'p95 ms': quantile(r.samples, 0.95).toFixed(3),
      'vs baseline': `${(quantile(r.samples, 0.5) / baseline).toFixed(1)}×`,
    })),
  );
  const of = (name: string) => results.find((r) => r.name === name)!.samples;
  // The count at close: three motions and an election over the frozen roll's ballots (the roll was grouped at opening).
  const count = (q: number) =>
    3 * quantile(of('tallyMotion (one motion)'), q) + quantile(of('tallyElection (9 seats, 15 candidates)'), q);
  // p95 (with the garbage collector's pauses) is what a meeting's close sees at worst; judge by it.
  console.log(
    `target: the count at close (3 motions + a 9-seat election) < ${TARGET_MS} ms: p95 ${count(0.95).toFixed(2)} ms (median ${count(0.5).toFixed(2)} ms) — ${count(0.95) < TARGET_MS ? 'met' : 'NOT met'}`,
  );
  const freeze = quantile(of('countingOwners (roll, at opening)'), 0.95);
  console.log(
    `target: grouping the roll at opening, once per meeting, < ${GROUPING_TARGET_MS} ms: p95 ${freeze.toFixed(2)} ms (median ${quantile(of('countingOwners (roll, at opening)'), 0.5).toFixed(2)} ms) — ${freeze < GROUPING_TARGET_MS ? 'met' : 'NOT met'}`,
  );
}
