// @tideline/console: the built-in web console (JSON API + front-end).
export { startConsole, defaultWebDir } from './server.js';
export type { ConsoleOptions, ConsoleServer } from './server.js';
export { compileFilter, FilterError, MAX_FILTER_LENGTH } from './filter.js';
export type { RecordPredicate } from './filter.js';
export { API_ERRORS, ApiError } from './errors.js';
export type { ApiErrorCode } from './errors.js';
export { parsePrometheus } from './api/overview.js';
export type { MetricSample } from './api/overview.js';
export type { RecordJson, BytesJson } from './records.js';
export type { ScanLine } from './api/scan.js';
export type { SignInOptions, SignInMechanism } from './sessions.js';
export type { ConsoleContext } from './context.js';
