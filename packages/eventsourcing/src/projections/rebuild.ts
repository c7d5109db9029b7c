// Rebuild without downtime: the next version of a read model is built alongside the live one from
// offset 0 of the event topic (its checkpoints are its own), and once it has caught up, its views
// replace the live ones in one transaction. The caller then stops the old version's subscription
// and may drop its tables.
import { EventSubscription, type SubscriptionOptions } from './subscription.js';

export interface Rebuildable {
  init(): Promise<void> | void;
  switchOver(): Promise<void> | void;
}

/**
 * Builds `next` from the start of the topic, switches the views over once it has caught up and
 * returns its subscription, still running (it carries on as the live projector).
 */
export async function rebuildAndSwitch(opts: Omit<SubscriptionOptions, 'target'> & {
  next: Rebuildable & SubscriptionOptions['target'];
  catchUpTimeoutMs?: number;
  /** Events (global positions) the new version must hold before the switch: see EventSubscription.caughtUp. */
  past?: readonly bigint[];
}): Promise<EventSubscription> {
  const { next, catchUpTimeoutMs, past, ...sub } = opts;
  await next.init();
  const s = new EventSubscription({ ...sub, target: next });
  await s.start();
  try {
    await s.caughtUp(catchUpTimeoutMs ?? 300_000, past);
    await next.switchOver();
  } catch (e) {
    await s.stop();
    throw e;
  }
  return s;
}
