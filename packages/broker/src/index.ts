export { startBroker, type BrokerOptions, type RunningBroker } from './start.js';
export type {
  SecurityOptions, ListenerSpec, TlsSettings, SaslSettings, SaslMechanismName, InitialScramUser, AclSettings, SecurityProtocol, Principal,
} from './security/types.js';
