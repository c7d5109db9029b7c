// Test helper (not a test file): the secured broker matrix. Both legs have SASL_PLAINTEXT (PLAIN,
// SCRAM-SHA-256/512), SASL_SSL and SSL (client certificate required) listeners, the users and super
// users of TEST_USERS / TEST_SUPER_USERS, ACLs on, and connections.max.reauth.ms = TEST_REAUTH_MS.
import { startBroker } from '@tideline/broker';
import { TEST_REAUTH_MS, TEST_SUPER_USERS, TEST_USERS, freePort, secureBrokerMatrix, type BrokerKind, type SecureListener, type TestCerts } from '@tideline/interop';

/**
 * The Tideline leg needs the broker's listeners/TLS/SASL PLAIN (i16-S1-authn), SCRAM (i16-S2-scram),
 * ACLs (i16-S3-acl) and quotas (i16-S4-quota). Until they are merged into this branch only the
 * Apache leg runs; add 'tideline' here once they are.
 */
export const SECURE_KINDS: readonly BrokerKind[] = ['apache'];

async function startSecureTideline(dataDir: string, certs: TestCerts): Promise<{ listeners: Record<SecureListener, string>; close(): Promise<void> }> {
  const ports: Record<SecureListener, number> = { SASL_PLAINTEXT: await freePort(), SASL_SSL: await freePort(), SSL: await freePort() };
  const names = Object.keys(ports) as SecureListener[];
  const broker = await startBroker({
    dataDir,
    port: 0,
    security: {
      listeners: names.map((name) => ({ name, host: '127.0.0.1', port: ports[name], securityProtocol: name })),
      tls: { certChain: certs.serverCert, privateKey: certs.serverKey, trustedCerts: certs.caCert, clientAuth: 'required', principalMappingRules: 'RULE:^CN=([a-z-]+),.*$/$1/,DEFAULT' },
      sasl: {
        enabledMechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'],
        plainUsers: { SASL_PLAINTEXT: { ...TEST_USERS }, SASL_SSL: { ...TEST_USERS } },
        initialScramUsers: Object.entries(TEST_USERS).flatMap(([name, password]) => [
          { mechanism: 'SCRAM-SHA-256' as const, name, password },
          { mechanism: 'SCRAM-SHA-512' as const, name, password },
        ]),
        maxReauthMs: TEST_REAUTH_MS,
      },
      acls: { enabled: true, superUsers: [...TEST_SUPER_USERS], allowEveryoneIfNoAclFound: false },
    },
  });
  return {
    listeners: { SASL_PLAINTEXT: `127.0.0.1:${ports.SASL_PLAINTEXT}`, SASL_SSL: `127.0.0.1:${ports.SASL_SSL}`, SSL: `127.0.0.1:${ports.SSL}` },
    close: () => broker.close(),
  };
}

export const { bothBrokers: bothSecureBrokers, uniqueName } = secureBrokerMatrix({
  tmpPrefix: 'tideline-client-sec-',
  startTideline: startSecureTideline,
  kinds: SECURE_KINDS,
});
