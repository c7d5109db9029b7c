// Test helper (not a test file): the secured broker matrix. Both legs have SASL_PLAINTEXT (PLAIN,
// SCRAM-SHA-256/512), SASL_SSL and SSL (client certificate required) listeners, the users and super
// users of TEST_USERS / TEST_SUPER_USERS, ACLs on, and connections.max.reauth.ms = TEST_REAUTH_MS.
import { startBroker } from '@tideline/broker';
import { secureBrokerMatrix, secureTidelineSecurity, type BrokerKind, type SecureListener, type TestCerts } from '@tideline/interop';

export const SECURE_KINDS: readonly BrokerKind[] = ['tideline', 'apache'];

async function startSecureTideline(dataDir: string, certs: TestCerts): Promise<{ listeners: Record<SecureListener, string>; close(): Promise<void> }> {
  const broker = await startBroker({ dataDir, port: 0, security: secureTidelineSecurity(certs) });
  const at = (name: SecureListener): string => broker.listeners[name]!.bootstrap;
  return { listeners: { SASL_PLAINTEXT: at('SASL_PLAINTEXT'), SASL_SSL: at('SASL_SSL'), SSL: at('SSL') }, close: () => broker.close() };
}

export const { bothBrokers: bothSecureBrokers, uniqueName } = secureBrokerMatrix({
  tmpPrefix: 'tideline-client-sec-',
  startTideline: startSecureTideline,
  kinds: SECURE_KINDS,
});
