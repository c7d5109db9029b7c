// What every client command shares: global options (-b/--brokers, --timeout, --client-id), the
// resolved connection, one Admin opened on first use and closed at the end, the output streams,
// and error reporting (message, hints, exit code 1).
import { Admin, type ClusterOptions } from '@tideline/client';
import type { Command } from 'commander';
import { formatError } from './errors.js';
import { toJson, type Io, type OutputFormat } from './output.js';
import { dirname } from 'node:path';
import { clientSettingsFromProperties, readCommandConfig, type ClientSettings } from './client-config.js';
import { resolveConnection, type ResolvedConnection } from './profile.js';

export interface GlobalOptions {
  brokers?: string;
  timeout?: number;
  clientId?: string;
  /** Kafka client properties file (security.protocol, sasl.*, ssl.*, client.id). */
  commandConfig?: string;
}

export class Context {
  readonly conn: ResolvedConnection;
  /** Security and client settings from --command-config or the profile's properties. */
  readonly settings: ClientSettings;
  readonly io: Io;
  private admin_: Admin | null = null;
  private readonly closers: Array<() => Promise<void>> = [];

  constructor(globals: GlobalOptions, io: Io, env: NodeJS.ProcessEnv = process.env) {
    this.io = io;
    this.conn = resolveConnection(globals, env);
    const warn = (m: string): void => io.err(`warning: ${m}`);
    const props = this.conn.properties;
    this.settings = globals.commandConfig !== undefined
      ? readCommandConfig(globals.commandConfig, warn)
      : props !== undefined
        ? clientSettingsFromProperties(new Map(Object.entries(props.values)), dirname(props.path), warn, `profile ${props.path} "properties"`)
        : {};
    this.globals = globals;
  }

  private readonly globals: GlobalOptions;

  clusterOptions(): ClusterOptions {
    const t = this.conn.timeoutMs;
    const s = this.settings;
    const requestTimeoutMs = t ?? s.requestTimeoutMs;
    return {
      bootstrap: this.conn.brokers,
      // --client-id wins over client.id in the properties, which wins over the profile's clientId.
      clientId: this.globals.clientId ?? s.clientId ?? this.conn.clientId,
      ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
      ...(t !== undefined ? { connectTimeoutMs: t } : {}),
      ...(s.security !== undefined ? { security: s.security } : {}),
    };
  }

  get admin(): Admin {
    if (this.admin_ === null) {
      const a = new Admin(this.clusterOptions());
      this.admin_ = a;
      this.onClose(() => a.close());
    }
    return this.admin_;
  }

  /** Runs `fn` when the command ends (last registered, first run). */
  onClose(fn: () => Promise<void>): void {
    this.closers.unshift(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0)) await fn().catch(() => undefined);
  }

  /** Prints `value` as one JSON document (format json) or the table lines. */
  print(format: OutputFormat, json: () => unknown, lines: () => string[]): void {
    if (format === 'json') this.io.out(toJson(json(), 2));
    else for (const l of lines()) this.io.out(l);
  }
}

/**
 * Runs a command's action with a Context: prints errors (with the brokers and where they came from)
 * on stderr and sets exit code 1.
 */
export async function runAction(cmd: Command, io: Io, fn: (ctx: Context) => Promise<void>, opts: { clientIdIsArgument?: boolean } = {}): Promise<void> {
  let ctx: Context | null = null;
  try {
    const globals = { ...cmd.optsWithGlobals<GlobalOptions>() };
    // `tide quota ... --client-id X` names the quota entity; the global --client-id option parses it.
    if (opts.clientIdIsArgument === true) delete globals.clientId;
    ctx = new Context(globals, io);
    await fn(ctx);
  } catch (e) {
    for (const line of formatError(e, ctx === null ? {} : { brokers: ctx.conn.brokers, source: ctx.conn.source })) io.err(line);
    process.exitCode = 1;
  } finally {
    await ctx?.close();
  }
}
