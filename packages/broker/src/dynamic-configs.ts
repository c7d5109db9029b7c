// Broker configs altered at run time (AlterConfigs / IncrementalAlterConfigs on the BROKER
// resource): this broker's own (resource name = its id, DYNAMIC_BROKER_CONFIG) and the cluster-wide
// defaults (resource name "", DYNAMIC_DEFAULT_BROKER_CONFIG). Both sets are durable (storage's
// BrokerConfigStore) and survive restarts; a change is validated whole, written, then announced
// to the listeners that apply it (topics' log configs, the cleaner's schedule).
// What may change: every config whose definition is not readOnly (configs.ts): the log.* defaults
// of topic configs, message.max.bytes, log.cleaner.backoff.ms, and Kafka's other dynamic names,
// which are stored and reported with no effect (noEffect). Startup-only configs are refused
// (INVALID_REQUEST, as Kafka answers), unknown names and bad values are INVALID_CONFIG.
import type { BrokerConfigStore } from '@tideline/storage';
import { BrokerError } from './errors.js';
import { brokerConfigDef, brokerLayerValue, checkBrokerResourceName, checkValue, type BrokerConfigLayers } from './configs.js';

export class DynamicBrokerConfigs {
  private perBroker: Record<string, string>;
  private clusterDefault: Record<string, string>;
  private readonly listeners: Array<() => void> = [];
  /** Changes are written one at a time, in order. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: BrokerConfigStore,
    private readonly staticConfigs: Readonly<Record<string, string>>,
    private readonly nodeId: number,
    stored: { perBroker: Readonly<Record<string, string>>; clusterDefault: Readonly<Record<string, string>> },
  ) {
    this.perBroker = { ...stored.perBroker };
    this.clusterDefault = { ...stored.clusterDefault };
  }

  /** Loads the stored sets; names that are no longer dynamic (or no longer known) are dropped. */
  static async open(store: BrokerConfigStore, staticConfigs: Readonly<Record<string, string>>, nodeId: number): Promise<DynamicBrokerConfigs> {
    const stored = await store.load();
    const keep = (c: Readonly<Record<string, string>>): Record<string, string> =>
      Object.fromEntries(Object.entries(c).filter(([k]) => brokerConfigDef(k)?.readOnly === false));
    return new DynamicBrokerConfigs(store, staticConfigs, nodeId, { perBroker: keep(stored.perBroker), clusterDefault: keep(stored.clusterDefault) });
  }

  /** The layers every broker and topic config is resolved in. */
  layers(): BrokerConfigLayers {
    return { perBroker: this.perBroker, clusterDefault: this.clusterDefault, static: this.staticConfigs };
  }

  /** The effective value of broker config `name` from the layers (undefined: its default applies). */
  value(name: string): string | undefined {
    return brokerLayerValue(this.layers(), name);
  }

  /** The set stored for a BROKER resource name (this broker's id or ""). */
  configsOf(resourceName: string): Readonly<Record<string, string>> {
    checkBrokerResourceName(resourceName, this.nodeId);
    return resourceName === '' ? this.clusterDefault : this.perBroker;
  }

  /** Runs `fn` after every applied change. */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  /**
   * Replaces the whole set of `resourceName` by `next` after validating every name whose value
   * changes; with validateOnly nothing is written. Throws BrokerError.
   */
  async replace(resourceName: string, next: Readonly<Record<string, string>>, validateOnly: boolean): Promise<void> {
    const current = this.configsOf(resourceName);
    const changed = [...new Set([...Object.keys(next), ...Object.keys(current)])].filter((k) => next[k] !== current[k]);
    const unknown = changed.filter((k) => brokerConfigDef(k) === undefined);
    if (unknown.length > 0) throw new BrokerError('INVALID_CONFIG', `Unknown broker config name(s): ${unknown.join(', ')}`);
    const fixed = changed.filter((k) => brokerConfigDef(k)!.readOnly);
    if (fixed.length > 0) {
      throw new BrokerError('INVALID_REQUEST', `Cannot update these configs dynamically: ${fixed.join(', ')} (Tideline reads them at startup)`);
    }
    for (const k of changed) if (next[k] !== undefined) checkValue(brokerConfigDef(k)!, next[k]);
    if (validateOnly || changed.length === 0) return;
    const apply = async (): Promise<void> => {
      const stored = resourceName === '' ? { perBroker: this.perBroker, clusterDefault: { ...next } } : { perBroker: { ...next }, clusterDefault: this.clusterDefault };
      await this.store.save(stored);
      this.perBroker = stored.perBroker;
      this.clusterDefault = stored.clusterDefault;
      for (const fn of this.listeners) fn();
    };
    const done = this.writing.then(apply);
    this.writing = done.catch(() => {});
    await done;
  }
}
