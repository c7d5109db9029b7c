// Kafka's broker property names (server.properties) mapped onto BrokerOptions. Pure: the PEM files
// the properties name are read through `readFile`, given by the caller (the CLI). Unknown keys and
// contradictory settings throw a ConfigError naming the key. Every key that is a broker config of
// configs.ts (log.retention.*, log.segment.*, log.cleaner.*, group.*, transaction.* ...) is checked
// against its definition and passed on as BrokerOptions.configs, which DescribeConfigs reports as
// STATIC_BROKER_CONFIG and startBroker applies.
import { fileURLToPath } from 'node:url';
import type { BrokerOptions } from '../start.js';
import { BrokerError } from '../errors.js';
import { brokerConfigDef, checkValue } from '../configs.js';
import { parseJaasConfig, plainUsersOf, type JaasEntry } from './jaas.js';
import { listenerKey } from './mechanisms.js';
import { SslPrincipalMapper } from './principal-mapper.js';
import type {
  AclSettings, InitialScramUser, ListenerSpec, SaslMechanismName, SaslSettings, SecurityProtocol, TlsSettings,
} from './types.js';

export class ConfigError extends Error {
  constructor(readonly key: string, message: string) {
    super(`${key}: ${message}`);
  }
}

/** Options a properties file gives (security included); the caller adds logger, storage and its flags. */
export type PropertiesOptions = Pick<BrokerOptions, 'dataDir' | 'nodeId' | 'autoCreateTopics' | 'defaultPartitions' | 'maxRequestSize' | 'security' | 'schemaRegistry' | 'configs'>;

const PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const MECHANISMS: readonly SaslMechanismName[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'];

/** Keys of a Kafka server.properties that do not apply to a single Tideline node: accepted, not used. */
export const IGNORED_KEYS: ReadonlySet<string> = new Set([
  'process.roles', 'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'controller.listener.names',
  'inter.broker.listener.name', 'sasl.mechanism.inter.broker.protocol', 'sasl.mechanism.controller.protocol',
  'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr',
  'share.coordinator.state.topic.replication.factor', 'share.coordinator.state.topic.min.isr',
  'num.network.threads', 'num.io.threads',
]);

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'listeners', 'advertised.listeners', 'listener.security.protocol.map', 'sasl.enabled.mechanisms',
  'super.users', 'allow.everyone.if.no.acl.found', 'authorizer.class.name',
  'ssl.keystore.type', 'ssl.keystore.location', 'ssl.keystore.certificate.chain', 'ssl.keystore.key', 'ssl.key.password',
  'ssl.truststore.type', 'ssl.truststore.location', 'ssl.truststore.certificates', 'ssl.client.auth', 'ssl.principal.mapping.rules',
  'connections.max.reauth.ms', 'node.id', 'broker.id', 'log.dirs', 'log.dir', 'num.partitions', 'auto.create.topics.enable',
  'socket.request.max.bytes', 'confluent.schema.registry.url', 'confluent.basic.auth.user.info',
  'sasl.oauthbearer.jwks.endpoint.url', 'sasl.oauthbearer.expected.audience', 'sasl.oauthbearer.expected.issuer',
  'sasl.oauthbearer.sub.claim.name', 'sasl.oauthbearer.scope.claim.name', 'sasl.oauthbearer.clock.skew.seconds',
]);

/** `listener.name.<l>.<rest>` keys that are understood. */
const LISTENER_KEYS: ReadonlySet<string> = new Set([
  'plain.sasl.jaas.config', 'oauthbearer.sasl.jaas.config', 'oauthbearer.sasl.server.callback.handler.class', 'sasl.enabled.mechanisms',
]);

export interface PropertiesResult {
  readonly options: PropertiesOptions;
  /** Keys accepted but not used (see IGNORED_KEYS), for the caller to print. */
  readonly warnings: readonly string[];
}

const int = (key: string, v: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(v.trim());
  if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(key, `expected an integer in ${min}..${max}, got ${JSON.stringify(v)}`);
  return n;
};

const bool = (key: string, v: string): boolean => {
  const t = v.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new ConfigError(key, `expected true or false, got ${JSON.stringify(v)}`);
};

const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** `NAME://host:port` entries (host may be empty, a name, or [v6]). */
export function parseListenerList(key: string, v: string): Array<{ name: string; host: string; port: number }> {
  return list(v).map((entry) => {
    const m = /^([A-Za-z0-9_-]+):\/\/(?:\[([^\]]*)\]|([^:/]*)):(\d+)$/.exec(entry);
    if (m === null) throw new ConfigError(key, `expected NAME://host:port, got ${JSON.stringify(entry)}`);
    const port = Number(m[4]);
    if (port > 65535) throw new ConfigError(key, `port ${port} out of range in ${entry}`);
    return { name: m[1]!.toUpperCase(), host: m[2] ?? m[3] ?? '', port };
  });
}

/** Splits PEM text into its certificates and its private key (the KIP-651 keystore file). */
export function splitPem(key: string, pem: string): { certs: string; privateKey: string | undefined } {
  const blocks = pem.match(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g) ?? [];
  const certs = blocks.filter((b) => b.startsWith('-----BEGIN CERTIFICATE-----'));
  const keys = blocks.filter((b) => /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/.test(b));
  if (keys.length > 1) throw new ConfigError(key, 'more than one private key');
  return { certs: certs.join('\n') + (certs.length > 0 ? '\n' : ''), privateKey: keys[0] !== undefined ? keys[0] + '\n' : undefined };
}

/** The kafka-storage `--add-scram` syntax: `SCRAM-SHA-256=[name=alice,password=secret,iterations=8192,salt="..."]`. */
export function parseAddScram(spec: string): InitialScramUser {
  const key = '--add-scram';
  const m = /^\s*(SCRAM-SHA-256|SCRAM-SHA-512)\s*=\s*\[(.*)\]\s*$/s.exec(spec);
  if (m === null) throw new ConfigError(key, `expected SCRAM-SHA-256=[name=...,password=...] or SCRAM-SHA-512=[...], got ${JSON.stringify(spec)}`);
  const fields = new Map<string, string>();
  const body = m[2]!;
  const re = /\s*([A-Za-z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,"]*))\s*(,|$)/gy;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const f = re.exec(body);
    if (f === null || f[0] === '') throw new ConfigError(key, `cannot parse ${JSON.stringify(body.slice(pos))} in ${JSON.stringify(spec)}`);
    const name = f[1]!.toLowerCase();
    if (fields.has(name)) throw new ConfigError(key, `${name} given twice in ${JSON.stringify(spec)}`);
    fields.set(name, f[2] !== undefined ? f[2].replace(/\\(.)/g, '$1') : f[3]!.trim());
    pos = re.lastIndex;
  }
  for (const k of fields.keys()) {
    if (!['name', 'password', 'iterations', 'salt', 'saltedpassword'].includes(k)) throw new ConfigError(key, `unknown field ${k} in ${JSON.stringify(spec)}`);
  }
  if (fields.has('saltedpassword')) throw new ConfigError(key, 'saltedpassword is not supported; give password');
  const name = fields.get('name');
  const password = fields.get('password');
  if (name === undefined || name === '') throw new ConfigError(key, `name missing in ${JSON.stringify(spec)}`);
  if (password === undefined || password === '') throw new ConfigError(key, `password missing for ${name}`);
  const it = fields.get('iterations');
  const iterations = it === undefined ? undefined : int(key, it, 4096, 16384);
  const salt = fields.get('salt');
  if (salt !== undefined && (salt === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(salt))) throw new ConfigError(key, `salt must be base64, got ${JSON.stringify(salt)}`);
  return { mechanism: m[1] as InitialScramUser['mechanism'], name, password, ...(iterations !== undefined ? { iterations } : {}), ...(salt !== undefined ? { salt } : {}) };
}

/** Maps a parsed properties file onto broker options. */
export function brokerOptionsFromProperties(props: ReadonlyMap<string, string>, readFile: (path: string, key: string) => string): PropertiesResult {
  const warnings: string[] = [];
  const get = (k: string): string | undefined => props.get(k);
  const perListener = new Map<string, Map<string, string>>();
  const configs: Record<string, string> = {};
  for (const [k, v] of props) {
    const lm = /^listener\.name\.([^.]+)\.(.+)$/.exec(k);
    if (lm !== null) {
      if (!LISTENER_KEYS.has(lm[2]!)) throw new ConfigError(k, `unknown or unsupported setting (supported per listener: ${[...LISTENER_KEYS].join(', ')})`);
      const l = listenerKey(lm[1]!);
      if (!perListener.has(l)) perListener.set(l, new Map());
      perListener.get(l)!.set(lm[2]!, v);
      continue;
    }
    const def = brokerConfigDef(k);
    if (def !== undefined) {
      try {
        checkValue(def, v);
      } catch (err) {
        throw new ConfigError(k, err instanceof BrokerError ? err.message : String(err));
      }
      configs[k] = v.trim();
    }
    if (IGNORED_KEYS.has(k) || (def?.noEffect === true && !KNOWN_KEYS.has(k))) {
      warnings.push(`${k}: does not apply to a single Tideline node; ignored`);
      continue;
    }
    if (!KNOWN_KEYS.has(k) && def === undefined) throw new ConfigError(k, 'unknown or unsupported setting');
  }

  const options: { -readonly [K in keyof PropertiesOptions]: PropertiesOptions[K] } = {};
  if (Object.keys(configs).length > 0) options.configs = configs;
  const nodeId = get('node.id') ?? get('broker.id');
  if (get('node.id') !== undefined && get('broker.id') !== undefined && get('node.id')!.trim() !== get('broker.id')!.trim()) {
    throw new ConfigError('broker.id', 'contradicts node.id');
  }
  if (nodeId !== undefined) options.nodeId = int(get('node.id') !== undefined ? 'node.id' : 'broker.id', nodeId, 0, 2147483647);
  const dirs = get('log.dirs') ?? get('log.dir');
  if (dirs !== undefined) {
    const d = list(dirs);
    const key = get('log.dirs') !== undefined ? 'log.dirs' : 'log.dir';
    if (d.length !== 1) throw new ConfigError(key, `exactly one directory is supported, got ${d.length}`);
    options.dataDir = d[0]!;
  }
  if (get('num.partitions') !== undefined) options.defaultPartitions = int('num.partitions', get('num.partitions')!, 1, 1_000_000);
  if (get('auto.create.topics.enable') !== undefined) options.autoCreateTopics = bool('auto.create.topics.enable', get('auto.create.topics.enable')!);
  if (get('socket.request.max.bytes') !== undefined) options.maxRequestSize = int('socket.request.max.bytes', get('socket.request.max.bytes')!, 1024, 2147483647);
  const registryUrl = get('confluent.schema.registry.url');
  if (registryUrl !== undefined) {
    const auth = get('confluent.basic.auth.user.info');
    options.schemaRegistry = auth === undefined ? { url: registryUrl } : { url: registryUrl, basicAuth: auth };
  }

  // Listeners and their protocols.
  const controllerNames = new Set(list(get('controller.listener.names') ?? '').map((n) => n.toUpperCase()));
  let listeners: ListenerSpec[] | undefined;
  if (get('listeners') !== undefined) {
    const parsed = parseListenerList('listeners', get('listeners')!).filter((l) => {
      if (!controllerNames.has(l.name)) return true;
      warnings.push(`listeners: controller listener ${l.name} is not opened (a Tideline node has no separate controller)`);
      return false;
    });
    if (parsed.length === 0) throw new ConfigError('listeners', 'no broker listener');
    const seen = new Set<string>();
    const ports = new Set<number>();
    for (const l of parsed) {
      if (seen.has(l.name)) throw new ConfigError('listeners', `listener ${l.name} appears twice`);
      seen.add(l.name);
      if (l.port !== 0 && ports.has(l.port)) throw new ConfigError('listeners', `port ${l.port} used by two listeners`);
      ports.add(l.port);
    }
    const map = new Map<string, SecurityProtocol>();
    if (get('listener.security.protocol.map') !== undefined) {
      for (const e of list(get('listener.security.protocol.map')!)) {
        const [n, p, ...rest] = e.split(':').map((x) => x.trim());
        if (n === undefined || p === undefined || rest.length > 0 || !PROTOCOLS.includes(p.toUpperCase() as SecurityProtocol)) {
          throw new ConfigError('listener.security.protocol.map', `expected NAME:PROTOCOL with PROTOCOL one of ${PROTOCOLS.join(', ')}, got ${JSON.stringify(e)}`);
        }
        const name = n.toUpperCase();
        if (!seen.has(name) && !controllerNames.has(name)) throw new ConfigError('listener.security.protocol.map', `listener ${name} is not in listeners`);
        map.set(name, p.toUpperCase() as SecurityProtocol);
      }
    }
    listeners = parsed.map((l) => {
      const protocol = map.get(l.name) ?? (PROTOCOLS.includes(l.name as SecurityProtocol) ? l.name as SecurityProtocol : undefined);
      if (protocol === undefined) throw new ConfigError('listener.security.protocol.map', `no security protocol for listener ${l.name}`);
      // Kafka listens on every interface for an empty host.
      return { name: l.name, host: l.host === '' ? '0.0.0.0' : l.host, port: l.port, securityProtocol: protocol };
    });
  } else if (get('listener.security.protocol.map') !== undefined) {
    throw new ConfigError('listener.security.protocol.map', 'set without listeners');
  }
  if (get('advertised.listeners') !== undefined) {
    if (listeners === undefined) throw new ConfigError('advertised.listeners', 'set without listeners');
    for (const a of parseListenerList('advertised.listeners', get('advertised.listeners')!)) {
      const i = listeners.findIndex((l) => l.name === a.name);
      if (i < 0) throw new ConfigError('advertised.listeners', `listener ${a.name} is not in listeners`);
      listeners[i] = { ...listeners[i]!, ...(a.host !== '' ? { advertisedHost: a.host } : {}), ...(a.port !== 0 ? { advertisedPort: a.port } : {}) };
    }
  }
  for (const l of perListener.keys()) {
    if (listeners === undefined || !listeners.some((x) => listenerKey(x.name) === l)) {
      throw new ConfigError(`listener.name.${l}`, `listener ${l.toUpperCase()} is not in listeners`);
    }
  }

  // SASL.
  const saslListeners = (listeners ?? []).filter((l) => l.securityProtocol === 'SASL_PLAINTEXT' || l.securityProtocol === 'SASL_SSL');
  const mechanisms = (key: string, v: string): SaslMechanismName[] => list(v).map((m) => {
    if (!MECHANISMS.includes(m as SaslMechanismName)) throw new ConfigError(key, `mechanism ${m} is not supported (supported: ${MECHANISMS.join(', ')})`);
    return m as SaslMechanismName;
  });
  let sasl: SaslSettings | undefined;
  const enabled = get('sasl.enabled.mechanisms') !== undefined ? mechanisms('sasl.enabled.mechanisms', get('sasl.enabled.mechanisms')!) : undefined;
  if (saslListeners.length > 0 || enabled !== undefined) {
    const listenerMechanisms: Record<string, SaslMechanismName[]> = {};
    const plainUsers: Record<string, Record<string, string>> = {};
    let oauthbearer: SaslSettings['oauthbearer'];
    for (const l of saslListeners) {
      const lk = listenerKey(l.name);
      const own = perListener.get(lk)?.get('sasl.enabled.mechanisms');
      const mechs = own !== undefined ? mechanisms(`listener.name.${lk}.sasl.enabled.mechanisms`, own) : enabled;
      if (own !== undefined) listenerMechanisms[lk] = mechs!;
      if (mechs === undefined || mechs.length === 0) {
        throw new ConfigError('sasl.enabled.mechanisms', `listener ${l.name} is ${l.securityProtocol} but no SASL mechanism is enabled (Kafka's default GSSAPI is not supported)`);
      }
      if (mechs.includes('PLAIN')) {
        const key = `listener.name.${lk}.plain.sasl.jaas.config`;
        const jaas = perListener.get(lk)?.get('plain.sasl.jaas.config');
        if (jaas === undefined) throw new ConfigError(key, `PLAIN is enabled on listener ${l.name} but it has no PlainLoginModule users`);
        const entries = jaasOf(key, jaas);
        requireModule(key, entries, 'PlainLoginModule');
        const users = plainUsersOf(entries);
        if (Object.keys(users).length === 0) throw new ConfigError(key, 'no user_<name>="<password>" entries');
        plainUsers[lk] = users;
      }
      if (mechs.includes('OAUTHBEARER')) oauthbearer = oauthOf(props, perListener.get(lk), lk, readFile);
    }
    const reauth = get('connections.max.reauth.ms');
    sasl = {
      enabledMechanisms: enabled ?? [],
      ...(Object.keys(listenerMechanisms).length > 0 ? { listenerMechanisms } : {}),
      ...(Object.keys(plainUsers).length > 0 ? { plainUsers } : {}),
      ...(oauthbearer !== undefined ? { oauthbearer } : {}),
      ...(reauth !== undefined ? { maxReauthMs: int('connections.max.reauth.ms', reauth, 0) } : {}),
    };
  } else if (get('connections.max.reauth.ms') !== undefined) {
    int('connections.max.reauth.ms', get('connections.max.reauth.ms')!, 0);
  }

  // TLS.
  let tls: TlsSettings | undefined;
  const sslKeys = [...props.keys()].filter((k) => k.startsWith('ssl.'));
  const tlsListeners = (listeners ?? []).filter((l) => l.securityProtocol === 'SSL' || l.securityProtocol === 'SASL_SSL');
  if (sslKeys.length > 0 || tlsListeners.length > 0) tls = tlsOf(props, readFile, tlsListeners.length > 0);

  // ACLs.
  let acls: AclSettings | undefined;
  if (['authorizer.class.name', 'super.users', 'allow.everyone.if.no.acl.found'].some((k) => get(k) !== undefined)) {
    const superUsers = (get('super.users') ?? '').split(';').map((x) => x.trim()).filter((x) => x !== '');
    for (const p of superUsers) if (!/^[^:]+:.+$/.test(p)) throw new ConfigError('super.users', `expected Type:name principals separated by ';', got ${JSON.stringify(p)}`);
    acls = {
      enabled: (get('authorizer.class.name') ?? '').trim() !== '',
      superUsers,
      allowEveryoneIfNoAclFound: get('allow.everyone.if.no.acl.found') !== undefined ? bool('allow.everyone.if.no.acl.found', get('allow.everyone.if.no.acl.found')!) : false,
    };
  }

  if (listeners !== undefined || sasl !== undefined || tls !== undefined || acls !== undefined) {
    options.security = {
      ...(listeners !== undefined ? { listeners } : {}),
      ...(tls !== undefined ? { tls } : {}),
      ...(sasl !== undefined ? { sasl } : {}),
      ...(acls !== undefined ? { acls } : {}),
    };
  }
  return { options, warnings };
}

function jaasOf(key: string, text: string): JaasEntry[] {
  try {
    return parseJaasConfig(text);
  } catch (err) {
    throw new ConfigError(key, (err as Error).message);
  }
}

function requireModule(key: string, entries: readonly JaasEntry[], module: string): void {
  if (!entries.some((e) => e.loginModule === module || e.loginModule.endsWith(`.${module}`))) {
    throw new ConfigError(key, `expected ${module}, got ${entries.map((e) => e.loginModule).join(', ')}`);
  }
}

function oauthOf(props: ReadonlyMap<string, string>, own: Map<string, string> | undefined, lk: string, readFile: (path: string, key: string) => string): SaslSettings['oauthbearer'] {
  const key = `listener.name.${lk}.oauthbearer.sasl.jaas.config`;
  const jaas = own?.get('oauthbearer.sasl.jaas.config');
  const opts = jaas !== undefined ? jaasOf(key, jaas).flatMap((e) => [...e.options]) : [];
  const opt = new Map(opts);
  const handler = own?.get('oauthbearer.sasl.server.callback.handler.class') ?? '';
  const jwksUrl = props.get('sasl.oauthbearer.jwks.endpoint.url');
  const jwks = jwksUrl !== undefined || handler.endsWith('OAuthBearerValidatorCallbackHandler');
  if (jwks) {
    if (jwksUrl === undefined) throw new ConfigError('sasl.oauthbearer.jwks.endpoint.url', `listener ${lk.toUpperCase()} validates OAUTHBEARER tokens with a JWKS but none is configured`);
    const skew = props.get('sasl.oauthbearer.clock.skew.seconds');
    const aud = props.get('sasl.oauthbearer.expected.audience');
    const iss = props.get('sasl.oauthbearer.expected.issuer');
    // A local key set (Kafka takes a file: URL) is read here, at start; http(s) ones are fetched by the broker.
    const local = /^https?:\/\//i.test(jwksUrl) ? undefined : readFile(jwksUrl.startsWith('file:') ? fileURLToPath(jwksUrl) : jwksUrl, 'sasl.oauthbearer.jwks.endpoint.url');
    return {
      mode: 'jwks',
      jwksSource: jwksUrl,
      ...(local !== undefined ? { jwks: local } : {}),
      principalClaim: props.get('sasl.oauthbearer.sub.claim.name') ?? 'sub',
      ...(skew !== undefined ? { allowableClockSkewMs: int('sasl.oauthbearer.clock.skew.seconds', skew, 0) * 1000 } : {}),
      ...(aud !== undefined ? { expectedAudience: list(aud) } : {}),
      ...(iss !== undefined ? { expectedIssuer: iss } : {}),
    };
  }
  const skew = opt.get('unsecuredValidatorAllowableClockSkewMs');
  const scope = opt.get('unsecuredValidatorRequiredScope');
  return {
    mode: 'unsecured',
    principalClaim: opt.get('unsecuredValidatorPrincipalClaimName') ?? 'sub',
    ...(scope !== undefined ? { requiredScopes: list(scope.replace(/\s+/g, ',')) } : {}),
    ...(skew !== undefined ? { allowableClockSkewMs: int(`${key} unsecuredValidatorAllowableClockSkewMs`, skew, 0) } : {}),
  };
}

function tlsOf(props: ReadonlyMap<string, string>, readFile: (path: string, key: string) => string, needed: boolean): TlsSettings {
  const get = (k: string): string | undefined => props.get(k);
  for (const k of ['ssl.keystore.type', 'ssl.truststore.type']) {
    const t = get(k);
    if (t !== undefined && t.trim().toUpperCase() !== 'PEM') throw new ConfigError(k, `only PEM is supported, got ${t}`);
  }
  const location = get('ssl.keystore.location');
  const inlineChain = get('ssl.keystore.certificate.chain');
  const inlineKey = get('ssl.keystore.key');
  if (location !== undefined && (inlineChain !== undefined || inlineKey !== undefined)) {
    throw new ConfigError('ssl.keystore.location', 'set together with ssl.keystore.certificate.chain / ssl.keystore.key; give one or the other');
  }
  let certChain: string | undefined;
  let privateKey: string | undefined;
  if (location !== undefined) {
    const pem = splitPem('ssl.keystore.location', readFile(location, 'ssl.keystore.location'));
    certChain = pem.certs;
    privateKey = pem.privateKey;
    if (privateKey === undefined) throw new ConfigError('ssl.keystore.location', `${location} holds no private key`);
  } else {
    if ((inlineChain === undefined) !== (inlineKey === undefined)) {
      throw new ConfigError(inlineChain === undefined ? 'ssl.keystore.certificate.chain' : 'ssl.keystore.key', 'ssl.keystore.certificate.chain and ssl.keystore.key go together');
    }
    certChain = inlineChain;
    privateKey = inlineKey;
  }
  if (certChain !== undefined && certChain.trim() === '') throw new ConfigError('ssl.keystore.certificate.chain', 'no certificate');
  if (certChain === undefined || privateKey === undefined) {
    if (needed) throw new ConfigError('ssl.keystore.location', 'an SSL or SASL_SSL listener needs a PEM keystore (ssl.keystore.location or ssl.keystore.certificate.chain + ssl.keystore.key)');
    throw new ConfigError('ssl.keystore.location', 'ssl.* settings given without a keystore');
  }
  const tsLocation = get('ssl.truststore.location');
  const tsInline = get('ssl.truststore.certificates');
  if (tsLocation !== undefined && tsInline !== undefined) throw new ConfigError('ssl.truststore.location', 'set together with ssl.truststore.certificates');
  const trustedCerts = tsLocation !== undefined ? splitPem('ssl.truststore.location', readFile(tsLocation, 'ssl.truststore.location')).certs : tsInline;
  const clientAuthRaw = (get('ssl.client.auth') ?? 'none').trim().toLowerCase();
  if (clientAuthRaw !== 'none' && clientAuthRaw !== 'requested' && clientAuthRaw !== 'required') {
    throw new ConfigError('ssl.client.auth', `expected none, requested or required, got ${JSON.stringify(get('ssl.client.auth'))}`);
  }
  if (clientAuthRaw !== 'none' && (trustedCerts === undefined || trustedCerts.trim() === '')) {
    throw new ConfigError('ssl.truststore.location', `ssl.client.auth=${clientAuthRaw} needs trusted CA certificates`);
  }
  const rules = get('ssl.principal.mapping.rules');
  if (rules !== undefined) {
    try {
      SslPrincipalMapper.fromRules(rules);
    } catch (err) {
      throw new ConfigError('ssl.principal.mapping.rules', (err as Error).message);
    }
  }
  const keyPassword = get('ssl.key.password');
  return {
    certChain, privateKey, clientAuth: clientAuthRaw,
    ...(keyPassword !== undefined ? { keyPassword } : {}),
    ...(trustedCerts !== undefined ? { trustedCerts } : {}),
    ...(rules !== undefined ? { principalMappingRules: rules } : {}),
  };
}
