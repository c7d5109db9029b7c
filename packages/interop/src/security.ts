// Secured brokers for tests: PEM certificates made with openssl in a temp dir, an Apache Kafka
// with SASL_PLAINTEXT (PLAIN, SCRAM-SHA-256/512), SASL_SSL and SSL (client certificate required)
// listeners, StandardAuthorizer with super users and KIP-368 re-authentication, and a matrix that
// runs one scenario against it and against Tideline configured the same way.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test, type TestContext } from 'node:test';
import { startApacheKafka, type ApacheKafka } from './apache-kafka.js';
import type { BrokerKind } from './matrix.js';
import { toolOrSkip } from './tools.js';

export interface TestCerts {
  dir: string;
  /** PEM text. */
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Files: the CA, the server's key + chain (Kafka's PEM keystore file), the client's cert and key. */
  caFile: string;
  serverKeystoreFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** The client certificate's subject CN, mapped to the principal `User:<cn>` by the test brokers. */
  clientCn: string;
  remove(): void;
}

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate (CN=tls-client), unencrypted PKCS#8 keys. */
export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-certs-'));
  const f = (n: string): string => join(dir, n);
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  };
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=tideline-test-ca');
  for (const [name, cn, ext] of [
    ['server', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ['client', 'tls-client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/O=tideline/CN=${cn}`);
    writeFileSync(f(`${name}.ext`), `${ext}\n`);
    ssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f(`${name}.pem`), '-days', '2', '-extfile', f(`${name}.ext`));
  }
  const read = (n: string): string => readFileSync(f(n), 'utf8');
  writeFileSync(f('server-keystore.pem'), read('server.key') + read('server.pem'));
  return {
    dir,
    caCert: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    clientCert: read('client.pem'),
    clientKey: read('client.key'),
    caFile: f('ca.pem'),
    serverKeystoreFile: f('server-keystore.pem'),
    clientCertFile: f('client.pem'),
    clientKeyFile: f('client.key'),
    clientCn: 'tls-client',
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Users of the secured test brokers (PLAIN and SCRAM-SHA-256/512 with the same passwords). */
export const TEST_USERS = { admin: 'admin-secret', alice: 'alice-secret' } as const;
/** Super users: the admin, the mTLS client, and ANONYMOUS for the broker's own PLAINTEXT listener. */
export const TEST_SUPER_USERS = ['User:admin', 'User:tls-client', 'User:ANONYMOUS'] as const;
/** connections.max.reauth.ms of the secured test brokers. */
export const TEST_REAUTH_MS = 4000;

export type SecureListener = 'SASL_PLAINTEXT' | 'SASL_SSL' | 'SSL';

export interface SecureTestBroker {
  kind: BrokerKind;
  /** `127.0.0.1:port` per listener. */
  listeners: Record<SecureListener, string>;
  certs: TestCerts;
}

/** The server.properties of the secured Apache Kafka (the Tideline leg takes the same settings as options). */
export function secureApacheConfig(certs: TestCerts): Record<string, string | number | boolean> {
  const plainJaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${TEST_USERS.admin}" ${Object.entries(TEST_USERS).map(([u, p]) => `user_${u}="${p}"`).join(' ')};`;
  const scramJaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  const cfg: Record<string, string | number | boolean> = {
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': TEST_SUPER_USERS.join(';'),
    'allow.everyone.if.no.acl.found': false,
    'connections.max.reauth.ms': TEST_REAUTH_MS,
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': certs.serverKeystoreFile,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': certs.caFile,
    'ssl.client.auth': 'required',
    'ssl.principal.mapping.rules': 'RULE:^CN=([a-z-]+),.*$/$1/,DEFAULT',
  };
  for (const l of ['sasl_plaintext', 'sasl_ssl']) {
    cfg[`listener.name.${l}.plain.sasl.jaas.config`] = plainJaas;
    cfg[`listener.name.${l}.scram-sha-256.sasl.jaas.config`] = scramJaas;
    cfg[`listener.name.${l}.scram-sha-512.sasl.jaas.config`] = scramJaas;
  }
  return cfg;
}

/**
 * The same settings for Tideline, as the broker's `BrokerOptions.security` (typed structurally:
 * interop does not depend on the broker). Every listener binds 127.0.0.1 on a free port; read the
 * bound ports from `RunningBroker.listeners[name]`.
 */
export function secureTidelineSecurity(certs: TestCerts) {
  const names: readonly SecureListener[] = ['SASL_PLAINTEXT', 'SASL_SSL', 'SSL'];
  return {
    listeners: names.map((name) => ({ name, host: '127.0.0.1', port: 0, securityProtocol: name })),
    tls: {
      certChain: certs.serverCert, privateKey: certs.serverKey, trustedCerts: certs.caCert, clientAuth: 'required' as const,
      principalMappingRules: 'RULE:^CN=([a-z-]+),.*$/$1/,DEFAULT',
    },
    sasl: {
      enabledMechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const,
      plainUsers: { SASL_PLAINTEXT: { ...TEST_USERS }, SASL_SSL: { ...TEST_USERS } },
      initialScramUsers: Object.entries(TEST_USERS).flatMap(([name, password]) => [
        { mechanism: 'SCRAM-SHA-256' as const, name, password },
        { mechanism: 'SCRAM-SHA-512' as const, name, password },
      ]),
      maxReauthMs: TEST_REAUTH_MS,
    },
    acls: { enabled: true, superUsers: [...TEST_SUPER_USERS], allowEveryoneIfNoAclFound: false },
  };
}

export function startSecureApacheKafka(certs: TestCerts): Promise<ApacheKafka> {
  return startApacheKafka({
    listeners: { SASL_PLAINTEXT: 'SASL_PLAINTEXT', SASL_SSL: 'SASL_SSL', SSL: 'SSL' },
    addScram: Object.entries(TEST_USERS).flatMap(([name, password]) => [
      `SCRAM-SHA-256=[name=${name},password=${password}]`,
      `SCRAM-SHA-512=[name=${name},password=${password}]`,
    ]),
    config: secureApacheConfig(certs),
  });
}

export interface SecureBrokerMatrixOptions {
  /**
   * Starts Tideline with the same settings as secureApacheConfig (listeners SASL_PLAINTEXT,
   * SASL_SSL, SSL; TEST_USERS; TEST_SUPER_USERS; TEST_REAUTH_MS), its data in `dataDir`.
   */
  startTideline(dataDir: string, certs: TestCerts): Promise<{ listeners: Record<SecureListener, string>; close(): Promise<void> }>;
  tmpPrefix: string;
  /**
   * Which legs run. The Tideline leg needs the broker's listeners, SASL, SCRAM, ACLs and quotas;
   * until a branch has them, callers pass ['apache'] and the Tideline leg is registered but not run.
   */
  kinds: readonly BrokerKind[];
}

export interface SecureBrokerMatrix {
  bothBrokers(title: string, opts: { timeout?: number }, fn: (b: SecureTestBroker, t: TestContext) => Promise<void>): void;
  uniqueName(prefix: string): string;
}

/**
 * brokerMatrix for secured brokers: one Apache Kafka (and one cert set) shared by the file's tests.
 * Call at the top level of a test file.
 */
export function secureBrokerMatrix(opts: SecureBrokerMatrixOptions): SecureBrokerMatrix {
  let certs: TestCerts | null = null;
  let apache: Promise<ApacheKafka> | null = null;
  let seq = 0;
  const getCerts = (): TestCerts => (certs ??= makeTestCerts());
  // Registered here, at the top level of the test file (an `after` called inside a test belongs to that test).
  after(async () => {
    if (apache !== null) await (await apache.catch(() => null))?.stop();
    certs?.remove();
  });
  return {
    uniqueName: (prefix) => `${prefix}-${process.pid}-${++seq}-${Date.now() % 100000}`,
    bothBrokers(title, o, fn) {
      for (const kind of ['tideline', 'apache'] as const) {
        if (!opts.kinds.includes(kind)) continue;
        test(`${title} [${kind}]`, { timeout: o.timeout ?? 120_000 }, async (t) => {
          if (kind === 'tideline') {
            const dir = mkdtempSync(join(tmpdir(), opts.tmpPrefix));
            const b = await opts.startTideline(dir, getCerts());
            try {
              await fn({ kind, listeners: b.listeners, certs: getCerts() }, t);
            } finally {
              await b.close();
              rmSync(dir, { recursive: true, force: true });
            }
            return;
          }
          if (!toolOrSkip(t, 'apache-kafka')) return;
          const c = getCerts();
          apache ??= startSecureApacheKafka(c);
          const k = await apache;
          const at = (n: SecureListener): string => `127.0.0.1:${k.listenerPorts[n]!}`;
          await fn({ kind, listeners: { SASL_PLAINTEXT: at('SASL_PLAINTEXT'), SASL_SSL: at('SASL_SSL'), SSL: at('SSL') }, certs: c }, t);
        });
      }
    },
  };
}
