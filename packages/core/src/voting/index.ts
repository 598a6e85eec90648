export * from './matters.ts';
export * from './counting-owners.ts';
export * from './tally.ts';
export * from './election.ts';
export * from './notice-period.ts';
