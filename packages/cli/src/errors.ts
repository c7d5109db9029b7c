// CLI errors and how any error is shown: one `tide: ...` line with what failed, followed by hints
// (which brokers were tried and where that list came from; what to do about common Kafka errors).
import { ClientError, KafkaError, TidelineError } from '@tideline/client';

/** An error in the user's input or environment, shown without a stack trace. Its code is `CLI_ERROR`. */
export class CliError extends TidelineError {
  declare readonly code: 'CLI_ERROR';
  readonly hints: string[];
  constructor(message: string, hints: string[] = []) {
    super('CLI_ERROR', message);
    this.hints = hints;
  }
}

const KAFKA_HINTS: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'pass --if-not-exists to ignore existing topics',
  UNKNOWN_TOPIC_OR_PARTITION: 'check the name with `tide topic list`, or create the topic with `tide topic create`',
  UNKNOWN_TOPIC_ID: 'list topics with `tide topic list`',
  NON_EMPTY_GROUP: 'the group still has members; stop its consumers first (`tide group describe` lists them)',
  GROUP_ID_NOT_FOUND: 'list groups with `tide group list`',
  INVALID_REPLICATION_FACTOR: 'a single Tideline broker takes --replicas 1',
  INVALID_CONFIG: 'see `tide topic describe <topic> --all-configs` for the accepted names',
  POLICY_VIOLATION: 'the broker refused the change',
  TOPIC_AUTHORIZATION_FAILED: 'the principal lacks an ACL for this topic (`tide acl list --topic NAME`); credentials go in --command-config',
  GROUP_AUTHORIZATION_FAILED: 'the principal lacks an ACL for this group (`tide acl list --group NAME`); credentials go in --command-config',
  CLUSTER_AUTHORIZATION_FAILED: 'the principal lacks a CLUSTER ACL for this operation (`tide acl list --cluster`)',
  SASL_AUTHENTICATION_FAILED: 'check sasl.mechanism and the username/password in sasl.jaas.config of --command-config',
  UNSUPPORTED_SASL_MECHANISM: 'set sasl.mechanism in --command-config to one the broker enables',
};

/** What the CLI knows about the connection, for error messages. */
export interface ErrorContext {
  brokers?: readonly string[];
  source?: string;
}

function rootMessages(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur instanceof Error; i++) {
    if (!out.some((m) => m.includes(cur instanceof Error ? cur.message : ''))) out.push(cur.message);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

/** The lines to print on stderr for an error (first line: `tide: ...`). */
export function formatError(e: unknown, ctx: ErrorContext = {}): string[] {
  const where = ctx.brokers === undefined ? '' : `${ctx.brokers.join(',')} (from ${ctx.source ?? 'default'})`;
  if (e instanceof CliError) return [`tide: ${e.message}`, ...e.hints.map((h) => `  hint: ${h}`)];
  if (e instanceof ClientError) {
    const lines = [`tide: ${rootMessages(e).join(': ')}`];
    if (e.code === 'CONNECTION_ERROR' || e.code === 'REQUEST_TIMEOUT') {
      if (where !== '') lines.push(`  brokers: ${where}`);
      if (/\bnode \d+ \(/.test(e.message)) lines.push('  hint: that address is the one the broker advertises (advertised.listeners); it must be reachable from here');
      else lines.push('  hint: is a broker running there? Start one with `tide dev`, or pass -b/--brokers, set TIDE_BROKERS or a profile file (see docs/cli.md)');
    }
    return lines;
  }
  if (e instanceof KafkaError) {
    const lines = [`tide: ${e.message}`];
    const hint = KAFKA_HINTS[e.code];
    if (hint !== undefined) lines.push(`  hint: ${hint}`);
    return lines;
  }
  if (e instanceof Error) {
    const retried = (e as { code?: unknown }).code === 'RETRIES_EXHAUSTED';
    return [`tide: ${retried ? rootMessages(e).join(': ') : e.message}`];
  }
  return [`tide: ${String(e)}`];
}
