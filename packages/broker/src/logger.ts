import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'debug' | 'info' | 'warn' | 'error'>;

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const ignore = (): void => {};
/** What 'silent' logs: nothing, without building a pino instance (a few ms of a test suite's broker start). */
const SILENT: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

export function createLogger(level: LogLevel = 'info'): Logger {
  return level === 'silent' ? SILENT : pino({ level, base: { svc: 'tideline-broker' } });
}
