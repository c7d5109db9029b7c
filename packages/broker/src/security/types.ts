// Security settings and the per-connection session, shared by authentication (listeners, TLS,
// SASL), authorization (ACLs) and quotas. Names follow Kafka's broker properties; the properties
// file (`tide broker start --config FILE`) maps onto these options.

/** Kafka's security protocols (listener.security.protocol.map values). */
export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

/** SASL mechanisms the broker can enable (sasl.enabled.mechanisms). */
export type SaslMechanismName = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';

/** A principal as Kafka writes it: `User:alice`. */
export type Principal = string;

export const ANONYMOUS: Principal = 'User:ANONYMOUS';

/** One entry of `listeners` with its protocol from `listener.security.protocol.map`. */
export interface ListenerSpec {
  /** Listener name, e.g. PLAINTEXT, SASL_SSL, INTERNAL. */
  readonly name: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly securityProtocol: SecurityProtocol;
  /** Host advertised in Metadata for this listener (advertised.listeners); default: host. */
  readonly advertisedHost?: string;
  /** Port advertised for this listener (advertised.listeners); default: the bound port. */
  readonly advertisedPort?: number;
}

/** TLS material for SSL and SASL_SSL listeners, from PEM files (ssl.keystore.type=PEM, KIP-651). */
export interface TlsSettings {
  /** PEM certificate chain (ssl.keystore.certificate.chain, or the certificate part of ssl.keystore.location). */
  readonly certChain: string;
  /** PEM private key (ssl.keystore.key, or the key part of ssl.keystore.location). */
  readonly privateKey: string;
  /** Password of an encrypted private key (ssl.key.password). */
  readonly keyPassword?: string;
  /** PEM CA certificates that client certificates must chain to (ssl.truststore.*). */
  readonly trustedCerts?: string;
  /** ssl.client.auth */
  readonly clientAuth: 'none' | 'requested' | 'required';
  /** ssl.principal.mapping.rules, in Kafka's syntax: `RULE:pattern/replacement/[LU],DEFAULT`. */
  readonly principalMappingRules?: string;
}

/** A SCRAM user created at start (kafka-storage format --add-scram syntax, idempotent). */
export interface InitialScramUser {
  readonly mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  readonly name: string;
  readonly password: string;
  /** Default 4096 (Kafka's). */
  readonly iterations?: number;
  /** The salt, base64 (kafka-storage's `salt=`); default: random. */
  readonly salt?: string;
}

export interface SaslSettings {
  readonly enabledMechanisms: readonly SaslMechanismName[];
  /**
   * Per-listener overrides of enabledMechanisms (listener.name.<l>.sasl.enabled.mechanisms),
   * keyed by the lower-cased listener name.
   */
  readonly listenerMechanisms?: Readonly<Record<string, readonly SaslMechanismName[]>>;
  /** PLAIN users per listener name (listener.name.<l>.plain.sasl.jaas.config user_<name>="password"). */
  readonly plainUsers?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly initialScramUsers?: readonly InitialScramUser[];
  /** OAUTHBEARER: unsecured JWS (alg none) for development, or JWKS-verified tokens. */
  readonly oauthbearer?: {
    readonly mode: 'unsecured' | 'jwks';
    /** Claim holding the principal name; default `sub`. */
    readonly principalClaim?: string;
    readonly requiredScopes?: readonly string[];
    readonly allowableClockSkewMs?: number;
    /** jwks mode: a local file path or an http(s) URL of the JSON Web Key Set. */
    readonly jwksSource?: string;
    readonly expectedAudience?: readonly string[];
    readonly expectedIssuer?: string;
  };
  /** connections.max.reauth.ms (KIP-368); 0 = no re-authentication required. */
  readonly maxReauthMs?: number;
}

/** ACL authorization (authorizer.class.name set); without it every request is allowed, as in Kafka. */
export interface AclSettings {
  readonly enabled: boolean;
  /** super.users */
  readonly superUsers: readonly Principal[];
  /** allow.everyone.if.no.acl.found */
  readonly allowEveryoneIfNoAclFound: boolean;
}

/** Everything security-related that startBroker accepts. */
export interface SecurityOptions {
  /** Named listeners; when absent the broker has one PLAINTEXT listener on host:port. */
  readonly listeners?: readonly ListenerSpec[];
  /** inter.broker / default listener name for Metadata when several exist; default: the first. */
  readonly tls?: TlsSettings;
  readonly sasl?: SaslSettings;
  readonly acls?: AclSettings;
}

/**
 * The authenticated identity of one connection. Created by the server per connection; the
 * authentication layer fills in `principal` once SASL or TLS established it.
 */
export interface Session {
  readonly listener: string;
  readonly securityProtocol: SecurityProtocol;
  principal: Principal;
  /** False on a SASL listener until SaslAuthenticate succeeded; nothing else is served before. */
  authenticated: boolean;
  /** Set by SASL when connections.max.reauth.ms applies: past it only re-authentication is served. */
  expiresAtMs?: number;
}

/** What one step of a SASL exchange produced. */
export interface SaslStepResult {
  /** The server's token for the client (may be empty). */
  readonly response: Buffer;
  /** True once the exchange has succeeded; `principal` is then set. */
  readonly done: boolean;
  readonly principal?: Principal;
  /** How long the credential stays valid (e.g. a token's exp), bounding the session (KIP-368). */
  readonly credentialLifetimeMs?: number;
}

/**
 * One client's SASL exchange for one mechanism: a small state machine fed the client's tokens.
 * A failed authentication throws BrokerError('SASL_AUTHENTICATION_FAILED', message) (errors.ts);
 * the server then answers that error and closes the connection.
 */
export interface SaslExchange {
  step(token: Buffer): SaslStepResult | Promise<SaslStepResult>;
}

/** A server-side SASL mechanism (PLAIN, SCRAM-SHA-256/512, OAUTHBEARER). */
export interface SaslMechanismServer {
  readonly name: SaslMechanismName;
  /** A new exchange for a connection on `listener`. */
  start(listener: string): SaslExchange;
}
