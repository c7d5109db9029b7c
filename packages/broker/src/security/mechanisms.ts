// The registry of server-side SASL mechanisms. Adding a mechanism is one entry here: a factory
// given the broker's SASL settings (and the broker, for mechanisms that read durable credentials).
import type { Broker } from '../broker-state.js';
import { plainMechanism } from './plain.js';
import type { SaslMechanismName, SaslMechanismServer, SaslSettings } from './types.js';

export interface MechanismContext {
  readonly settings: SaslSettings;
  readonly broker: Broker;
}

export type MechanismFactory = (ctx: MechanismContext) => SaslMechanismServer;

/** Listener names are case-insensitive in Kafka's `listener.name.<l>.` prefixes: tables are keyed by the lower-cased name. */
export function listenerKey(listener: string): string {
  return listener.toLowerCase();
}

export const SASL_MECHANISMS: Partial<Record<SaslMechanismName, MechanismFactory>> = {
  PLAIN: ({ settings }) => plainMechanism((listener) => {
    const table = settings.plainUsers ?? {};
    for (const [name, users] of Object.entries(table)) if (listenerKey(name) === listenerKey(listener)) return users;
    return undefined;
  }),
};

/** The enabled mechanisms, built once per broker; throws naming the first one not implemented. */
export function buildMechanisms(settings: SaslSettings, broker: Broker): Map<string, SaslMechanismServer> {
  const out = new Map<string, SaslMechanismServer>();
  for (const name of settings.enabledMechanisms) {
    const factory = SASL_MECHANISMS[name];
    if (factory === undefined) throw new Error(`sasl.enabled.mechanisms: ${name} is not supported by this broker`);
    out.set(name, factory({ settings, broker }));
  }
  return out;
}
