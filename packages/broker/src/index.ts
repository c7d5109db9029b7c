export { startBroker, type BrokerOptions, type RunningBroker, type RunningBrokerMetrics } from './start.js';
export { negotiateFormat, parseMetricsListen } from './metrics/http.js';
export { httpSchemaIdValidator, type SchemaIdValidator, type HttpSchemaIdValidatorOptions } from './schema-validation.js';
export type {
  SecurityOptions, ListenerSpec, TlsSettings, SaslSettings, SaslMechanismName, InitialScramUser, AclSettings, SecurityProtocol, Principal,
} from './security/types.js';
export { parseProperties, PropertiesSyntaxError } from './security/properties.js';
export { brokerOptionsFromProperties, parseAddScram, ConfigError, type PropertiesOptions, type PropertiesResult } from './security/broker-properties.js';
export { parseJaasConfig, JaasSyntaxError, type JaasEntry } from './security/jaas.js';
export { SslPrincipalMapper, PrincipalMappingError } from './security/principal-mapper.js';
