export {
  daysBetween,
  endCommitteeTerm,
  fileCommitteeTerm,
  formPreparatoryGroup,
  governance,
  recordFirstMeeting,
  startCommitteeTerm,
} from './governance.ts';
export { CommitteeHealth } from './health.ts';
export { committeeEvaluations, evaluateCommittee } from './evaluations.ts';
export {
  carries,
  committeeMeetings,
  governanceSettings,
  recordCommitteeMeeting,
  saveGovernanceSettings,
} from './meetings.ts';
export { governanceTodos } from './todos.ts';
export {
  applyElection,
  committeeElections,
  dismissElection,
  isElectionReport,
  recordReportedElection,
  type ReportedEvent,
} from './elections.ts';
