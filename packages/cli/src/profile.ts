// Where the CLI finds its brokers: the -b/--brokers flag, then $TIDE_BROKERS, then a profile file
// ($TIDE_PROFILE, else $XDG_CONFIG_HOME/tide/profile.json, else ~/.config/tide/profile.json),
// then 127.0.0.1:9092. The profile file is JSON: {"brokers": "h1:9092,h2:9092"} or an array of
// addresses, with optional "clientId", "timeoutMs" and "properties" (Kafka client properties such as
// security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.location: see
// client-config.ts; `--command-config FILE` replaces them).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './errors.js';

export const DEFAULT_BROKERS = '127.0.0.1:9092';

export interface Profile {
  brokers?: string | string[];
  clientId?: string;
  timeoutMs?: number;
  /** Kafka client properties (security.protocol, sasl.*, ssl.*, client.id, ...). */
  properties?: Record<string, string>;
}

export interface ResolvedConnection {
  brokers: string[];
  /** Where the broker list came from, for messages: `--brokers`, `TIDE_BROKERS`, the profile path, or `default`. */
  source: string;
  clientId: string;
  timeoutMs: number | undefined;
  /** The profile's client properties and the profile's path (relative files resolve from its directory). */
  properties?: { values: Record<string, string>; path: string };
}

/** The profile file path: `$TIDE_PROFILE`, else `$XDG_CONFIG_HOME/tide/profile.json`, else `~/.config/tide/profile.json`. */
export function profilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TIDE_PROFILE !== undefined && env.TIDE_PROFILE !== '') return env.TIDE_PROFILE;
  const base = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'tide', 'profile.json');
}

/** Reads a profile file; a missing default file is no profile, a missing $TIDE_PROFILE is an error. */
export function readProfile(path: string, required: boolean): Profile | null {
  if (!existsSync(path)) {
    if (required) throw new CliError(`profile file ${path} (from TIDE_PROFILE) does not exist`);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`profile file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliError(`profile file ${path} must hold a JSON object`);
  const p = parsed as Record<string, unknown>;
  const out: Profile = {};
  if (p.brokers !== undefined) {
    if (typeof p.brokers === 'string') out.brokers = p.brokers;
    else if (Array.isArray(p.brokers) && p.brokers.every((b) => typeof b === 'string')) out.brokers = p.brokers as string[];
    else throw new CliError(`profile file ${path}: "brokers" must be a string or an array of strings`);
  }
  if (p.clientId !== undefined) {
    if (typeof p.clientId !== 'string') throw new CliError(`profile file ${path}: "clientId" must be a string`);
    out.clientId = p.clientId;
  }
  if (p.timeoutMs !== undefined) {
    if (typeof p.timeoutMs !== 'number' || !(p.timeoutMs > 0)) throw new CliError(`profile file ${path}: "timeoutMs" must be a positive number`);
    out.timeoutMs = p.timeoutMs;
  }
  if (p.properties !== undefined) {
    const props = p.properties;
    if (props === null || typeof props !== 'object' || Array.isArray(props) || !Object.values(props).every((v) => typeof v === 'string')) {
      throw new CliError(`profile file ${path}: "properties" must be an object of string values (Kafka client properties)`);
    }
    out.properties = props as Record<string, string>;
  }
  return out;
}

export function splitBrokers(list: string | readonly string[]): string[] {
  const parts = (typeof list === 'string' ? [list] : list).flatMap((s) => s.split(','));
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

/** Resolves brokers (flag, environment, profile, default) and the client settings. */
export function resolveConnection(flags: { brokers?: string; timeout?: number; clientId?: string; commandConfig?: string }, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  const path = profilePath(env);
  const explicitProfile = env.TIDE_PROFILE !== undefined && env.TIDE_PROFILE !== '';
  let profile: Profile | null | undefined;
  const loadProfile = (): Profile | null => (profile === undefined ? (profile = readProfile(path, explicitProfile)) : profile);

  let brokers: string[];
  let source: string;
  if (flags.brokers !== undefined && splitBrokers(flags.brokers).length > 0) {
    brokers = splitBrokers(flags.brokers);
    source = '--brokers';
  } else if (env.TIDE_BROKERS !== undefined && splitBrokers(env.TIDE_BROKERS).length > 0) {
    brokers = splitBrokers(env.TIDE_BROKERS);
    source = 'TIDE_BROKERS';
  } else if (loadProfile()?.brokers !== undefined && splitBrokers(loadProfile()!.brokers!).length > 0) {
    brokers = splitBrokers(loadProfile()!.brokers!);
    source = `profile ${path}`;
  } else {
    brokers = [DEFAULT_BROKERS];
    source = 'default';
  }
  for (const b of brokers) {
    if (!/^(\[[^\]]+\]|[^:\s]+):\d{1,5}$/.test(b)) throw new CliError(`broker address ${JSON.stringify(b)} (from ${source}) is not host:port`);
  }
  const p = flags.timeout === undefined || flags.clientId === undefined || flags.commandConfig === undefined ? loadProfile() : null;
  return {
    brokers,
    source,
    clientId: flags.clientId ?? p?.clientId ?? 'tide',
    timeoutMs: flags.timeout ?? p?.timeoutMs,
    ...(flags.commandConfig === undefined && p?.properties !== undefined ? { properties: { values: p.properties, path } } : {}),
  };
}
