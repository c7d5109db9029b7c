// Kafka client properties (`--command-config FILE`, the profile's "properties") mapped onto the
// client's options: security.protocol, sasl.mechanism, sasl.jaas.config (PlainLoginModule,
// ScramLoginModule, OAuthBearerLoginModule's unsecured options), ssl.* with PEM material,
// ssl.endpoint.identification.algorithm, client.id, request.timeout.ms.
//
// Unknown keys: a `security.*`, `sasl.*` or `ssl.*` key this CLI does not implement fails (a
// security setting silently dropped would connect with less protection than asked); any other
// unknown key (producer/consumer settings of a file shared with Kafka's tools) is ignored with a
// warning on stderr.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { unsecuredJwt, type SaslOptions, type SecurityOptions, type SecurityProtocol, type TlsOptions } from '@tideline/client';
import { CliError } from './errors.js';

/** Parses a Java properties file: `key=value`, `key: value` or `key value`, `#`/`!` comments, `\` continuations and escapes. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // A line ending in an odd number of backslashes continues on the next one.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!.replace(/^\s+/, '');
    let k = 0;
    let key = '';
    for (; k < line.length; k++) {
      const c = line[k]!;
      if (c === '\\' && k + 1 < line.length) {
        key += unescapeChar(line, k);
        k += line[k + 1] === 'u' ? 5 : 1;
        continue;
      }
      if (c === '=' || c === ':' || /\s/.test(c)) break;
      key += c;
    }
    let rest = line.slice(k).replace(/^\s*/, '');
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^\s*/, '');
    let value = '';
    for (let j = 0; j < rest.length; j++) {
      if (rest[j] === '\\' && j + 1 < rest.length) {
        value += unescapeChar(rest, j);
        j += rest[j + 1] === 'u' ? 5 : 1;
      } else value += rest[j];
    }
    out.set(key, value);
  }
  return out;
}

function unescapeChar(s: string, i: number): string {
  const c = s[i + 1]!;
  if (c === 'u') return String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
  return c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c === 'f' ? '\f' : c;
}

/** `Module required key="value" key2=value2;` → module name and options. */
export function parseJaasConfig(s: string): { module: string; options: Map<string, string> } {
  const m = /^\s*([\w.$]+)\s+(required|requisite|sufficient|optional)\b([\s\S]*?);?\s*$/.exec(s);
  if (m === null) throw new CliError(`sasl.jaas.config is not "<LoginModule> required key=\\"value\\" ...;"`);
  const options = new Map<string, string>();
  const re = /\s*([\w.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))/y;
  const body = m[3]!;
  let pos = 0;
  while (pos < body.length && body.slice(pos).trim() !== '') {
    re.lastIndex = pos;
    const o = re.exec(body);
    if (o === null) throw new CliError(`sasl.jaas.config: cannot read options at ${JSON.stringify(body.slice(pos, pos + 30))}`);
    options.set(o[1]!, o[2] !== undefined ? o[2].replace(/\\(.)/g, '$1') : o[3]!);
    pos = re.lastIndex;
  }
  return { module: m[1]!, options };
}

export interface ClientSettings {
  security?: SecurityOptions;
  clientId?: string;
  requestTimeoutMs?: number;
  /** sasl.mechanism, set when read with credentialsOptional (then `security.sasl` may be absent). */
  saslMechanism?: string;
}

const PROTOCOLS: readonly SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
/** Keys read here. */
const HANDLED = new Set([
  'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'ssl.truststore.type', 'ssl.truststore.location', 'ssl.truststore.certificates',
  'ssl.keystore.type', 'ssl.keystore.location', 'ssl.keystore.certificate.chain', 'ssl.keystore.key', 'ssl.key.password', 'ssl.keystore.password',
  'ssl.truststore.password', 'ssl.endpoint.identification.algorithm', 'client.id', 'request.timeout.ms',
  // Accepted with their only meaningful value here: TLS versions are negotiated by node:tls.
  'ssl.protocol', 'ssl.enabled.protocols',
]);

/**
 * Client settings from Kafka client properties. `baseDir` resolves relative file paths (the
 * properties file's directory); `warn` receives ignored keys.
 */
/**
 * `credentialsOptional`: a SASL protocol without sasl.jaas.config is accepted for PLAIN and SCRAM
 * (`security.sasl` is then absent; the console's sign-in supplies each user's credentials).
 */
export function clientSettingsFromProperties(props: ReadonlyMap<string, string>, baseDir: string, warn: (msg: string) => void, source = 'client properties', opts: { credentialsOptional?: boolean } = {}): ClientSettings {
  for (const key of props.keys()) {
    if (HANDLED.has(key)) continue;
    if (/^(security|sasl|ssl)\./.test(key)) throw new CliError(`${source}: ${key} is not supported by tide (supported: ${[...HANDLED].filter((k) => /^(security|sasl|ssl)\./.test(k)).join(', ')})`);
    warn(`${source}: ignoring ${key} (not a setting tide uses)`);
  }
  const get = (k: string): string | undefined => {
    const v = props.get(k);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const file = (k: string): string => {
    const p = get(k)!;
    try {
      return readFileSync(isAbsolute(p) ? p : resolve(baseDir, p), 'utf8');
    } catch (e) {
      throw new CliError(`${source}: ${k}=${p} cannot be read: ${(e as Error).message}`);
    }
  };
  const out: ClientSettings = {};
  const clientId = get('client.id');
  if (clientId !== undefined) out.clientId = clientId;
  const rt = get('request.timeout.ms');
  if (rt !== undefined) {
    if (!/^\d+$/.test(rt) || Number(rt) <= 0) throw new CliError(`${source}: request.timeout.ms must be a positive integer`);
    out.requestTimeoutMs = Number(rt);
  }
  const protocolRaw = (get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  if (!PROTOCOLS.includes(protocolRaw as SecurityProtocol)) throw new CliError(`${source}: security.protocol=${protocolRaw} is not one of ${PROTOCOLS.join(', ')}`);
  const protocol = protocolRaw as SecurityProtocol;
  const tlsUsed = protocol === 'SSL' || protocol === 'SASL_SSL';
  const saslUsed = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  const security: SecurityOptions = { protocol };

  if (tlsUsed) {
    const tls: TlsOptions = {};
    for (const k of ['ssl.truststore.type', 'ssl.keystore.type']) {
      const t = get(k);
      if (t !== undefined && t.toUpperCase() !== 'PEM') throw new CliError(`${source}: ${k}=${t}: only PEM stores are supported (convert JKS/PKCS12 with keytool and openssl)`);
    }
    if (get('ssl.truststore.certificates') !== undefined) tls.ca = get('ssl.truststore.certificates')!;
    else if (get('ssl.truststore.location') !== undefined) tls.ca = file('ssl.truststore.location');
    let keyPem: string | undefined;
    let certPem: string | undefined;
    if (get('ssl.keystore.location') !== undefined) {
      // A PEM keystore file holds the private key and the certificate chain.
      const text = file('ssl.keystore.location');
      keyPem = (text.match(/-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]*?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----/) ?? [])[0];
      certPem = (text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).join('\n');
      if (keyPem === undefined || certPem === '') throw new CliError(`${source}: ssl.keystore.location must hold a PEM private key and certificate chain`);
    }
    if (get('ssl.keystore.certificate.chain') !== undefined) certPem = get('ssl.keystore.certificate.chain');
    if (get('ssl.keystore.key') !== undefined) keyPem = get('ssl.keystore.key');
    if ((keyPem === undefined) !== (certPem === undefined)) throw new CliError(`${source}: a client certificate needs both its key and its chain (ssl.keystore.key and ssl.keystore.certificate.chain, or ssl.keystore.location)`);
    if (keyPem !== undefined) {
      tls.key = keyPem;
      tls.cert = certPem!;
    }
    const pass = get('ssl.key.password');
    if (pass !== undefined) tls.passphrase = pass;
    const algo = props.get('ssl.endpoint.identification.algorithm');
    if (algo !== undefined) {
      if (algo.trim() === '') tls.checkHostname = false;
      else if (algo.trim().toLowerCase() !== 'https') throw new CliError(`${source}: ssl.endpoint.identification.algorithm must be https or empty`);
    }
    security.tls = tls;
  } else {
    for (const k of props.keys()) if (k.startsWith('ssl.')) warn(`${source}: ${k} has no effect with security.protocol=${protocol}`);
  }

  if (saslUsed) {
    const mechanism = (get('sasl.mechanism') ?? 'GSSAPI').toUpperCase();
    if (opts.credentialsOptional === true) out.saslMechanism = mechanism;
    const jaas = get('sasl.jaas.config');
    const userMechanism = mechanism === 'PLAIN' || mechanism === 'SCRAM-SHA-256' || mechanism === 'SCRAM-SHA-512';
    if (jaas === undefined && opts.credentialsOptional === true && userMechanism) {
      out.security = security;
      return out;
    }
    if (jaas === undefined) throw new CliError(`${source}: security.protocol=${protocol} needs sasl.jaas.config`);
    const { module, options } = parseJaasConfig(jaas);
    const moduleName = module.slice(module.lastIndexOf('.') + 1);
    let sasl: SaslOptions;
    if (mechanism === 'PLAIN' || mechanism === 'SCRAM-SHA-256' || mechanism === 'SCRAM-SHA-512') {
      const want = mechanism === 'PLAIN' ? 'PlainLoginModule' : 'ScramLoginModule';
      if (moduleName !== want) throw new CliError(`${source}: sasl.mechanism=${mechanism} needs ${want} in sasl.jaas.config, not ${moduleName}`);
      const username = options.get('username');
      const password = options.get('password');
      if (username === undefined || password === undefined) throw new CliError(`${source}: sasl.jaas.config needs username="..." and password="..."`);
      sasl = { mechanism, username, password };
    } else if (mechanism === 'OAUTHBEARER') {
      if (moduleName !== 'OAuthBearerLoginModule') throw new CliError(`${source}: sasl.mechanism=OAUTHBEARER needs OAuthBearerLoginModule in sasl.jaas.config`);
      sasl = { mechanism, token: unsecuredTokenProvider(options, source) };
    } else {
      throw new CliError(`${source}: sasl.mechanism=${mechanism} is not supported (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER)`);
    }
    security.sasl = sasl;
  } else if (get('sasl.mechanism') !== undefined || get('sasl.jaas.config') !== undefined) {
    warn(`${source}: sasl settings have no effect with security.protocol=${protocol}`);
  }
  out.security = security;
  return out;
}

/**
 * OAuthBearerLoginModule's unsecured options, as Kafka's unsecured login handler reads them:
 * unsecuredLoginStringClaim_<name>, unsecuredLoginListClaim_<name> (first character is the
 * separator), unsecuredLoginNumberClaim_<name>, unsecuredLoginPrincipalClaimName (default sub),
 * unsecuredLoginLifetimeSeconds (default 3600), unsecuredLoginExtension_<name>.
 */
function unsecuredTokenProvider(options: ReadonlyMap<string, string>, source: string): () => { value: string; extensions: Record<string, string> } {
  const principalClaim = options.get('unsecuredLoginPrincipalClaimName') ?? 'sub';
  const claims: Record<string, string | number> = {};
  const lists: Record<string, string[]> = {};
  const extensions: Record<string, string> = {};
  let lifetimeMs = 3_600_000;
  for (const [k, v] of options) {
    if (k.startsWith('unsecuredLoginStringClaim_')) claims[k.slice('unsecuredLoginStringClaim_'.length)] = v;
    else if (k.startsWith('unsecuredLoginNumberClaim_')) claims[k.slice('unsecuredLoginNumberClaim_'.length)] = Number(v);
    else if (k.startsWith('unsecuredLoginListClaim_')) lists[k.slice('unsecuredLoginListClaim_'.length)] = v.length === 0 ? [] : v.slice(1).split(v[0]!).filter((x) => x !== '');
    else if (k.startsWith('unsecuredLoginExtension_')) extensions[k.slice('unsecuredLoginExtension_'.length)] = v;
    else if (k === 'unsecuredLoginLifetimeSeconds') lifetimeMs = Number(v) * 1000;
    else if (k !== 'unsecuredLoginPrincipalClaimName') throw new CliError(`${source}: OAuthBearerLoginModule option ${k} is not supported (only the unsecured development options)`);
  }
  const principal = claims[principalClaim];
  if (typeof principal !== 'string' || principal === '') throw new CliError(`${source}: OAuthBearerLoginModule needs unsecuredLoginStringClaim_${principalClaim}="<principal>"`);
  if (!(lifetimeMs > 0)) throw new CliError(`${source}: unsecuredLoginLifetimeSeconds must be positive`);
  const rest = { ...claims };
  delete rest[principalClaim];
  const scope = lists['scope'];
  return () => ({
    value: unsecuredJwtWithLists({ principal, principalClaim, lifetimeMs, claims: rest, lists, ...(scope !== undefined ? { scope } : {}) }),
    extensions,
  });
}

function unsecuredJwtWithLists(o: { principal: string; principalClaim: string; lifetimeMs: number; claims: Record<string, string | number>; lists: Record<string, string[]>; scope?: string[] }): string {
  const base = unsecuredJwt({ principal: o.principal, principalClaim: o.principalClaim, lifetimeMs: o.lifetimeMs, claims: o.claims });
  const names = Object.keys(o.lists);
  if (names.length === 0) return base;
  // List claims are JSON arrays in the token: rebuild the payload with them.
  const [h, p] = base.split('.') as [string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  for (const n of names) payload[n] = o.lists[n];
  return `${h}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}.`;
}

/** Reads a properties file (`--command-config`). */
export function readCommandConfig(path: string, warn: (msg: string) => void, opts: { credentialsOptional?: boolean } = {}): ClientSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`--command-config ${path} cannot be read: ${(e as Error).message}`);
  }
  return clientSettingsFromProperties(parseProperties(text), dirname(resolve(path)), warn, `--command-config ${path}`, opts);
}
