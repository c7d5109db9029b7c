// A broker for ACL tests: one SASL_PLAINTEXT listener with PLAIN users (each user's password is its
// name), ACLs on, `User:admin` the super user, no ACL means denied.
import type { BrokerOptions } from '../../src/index.js';

export const ACL_SUPER_USER = 'admin';

export function aclBrokerOptions(users: readonly string[]): Pick<BrokerOptions, 'security'> {
  const plain: Record<string, string> = { [ACL_SUPER_USER]: ACL_SUPER_USER };
  for (const u of users) plain[u] = u;
  return {
    security: {
      listeners: [{ name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' }],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: plain } },
      acls: { enabled: true, superUsers: [`User:${ACL_SUPER_USER}`], allowEveryoneIfNoAclFound: false },
    },
  };
}
