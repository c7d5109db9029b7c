// @tideline/reliability: the history checker and the drivers of the reliability suite.
export { checkHistory, index as indexHistory, CHECKS } from './checker.js';
export type { History, HistoryEvent, SendEvent, PollEvent, CommitEvent, SendOutcome, StoredRecord, Anomaly, AnomalyKind, Check, CheckResult, Indexed } from './checker.js';
