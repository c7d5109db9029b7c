// Child process for the crash tests (not a test file): a DeadLetterConsumer that copies records to
// an output topic, kills itself on a poison key, dead-letters keys ending in a given digit, and
// leaves cleanly on SIGTERM. Config: JSON in argv[2].
import { DeadLetter, DeadLetterConsumer } from '../src/index.js';

interface WorkerConfig {
  bootstrap: string;
  topic: string;
  group: string;
  out: string;
  poisonKey?: string;
  /** How the poison key kills the process. */
  crash?: 'exit' | 'kill';
  /** Keys ending in this digit are dead-lettered. */
  deadDigit?: string;
  transactionalId?: string;
  /** Per-record processing time. */
  delayMs?: number;
  /** Turn crash tracking off. */
  noPoison?: boolean;
}

const cfg = JSON.parse(process.argv[2]!) as WorkerConfig;
const c = new DeadLetterConsumer({
  bootstrap: cfg.bootstrap,
  groupId: cfg.group,
  topics: [cfg.topic],
  consumer: { groupInstanceId: 'worker', heartbeatIntervalMs: 300, maxWaitMs: 100, sessionTimeoutMs: 10_000, autoCommitIntervalMs: 200 },
  retry: { delaysMs: [200] },
  exactlyOnce: cfg.transactionalId !== undefined ? { transactionalId: cfg.transactionalId, transactionTimeoutMs: 10_000 } : false,
  ...(cfg.noPoison === true ? { poison: false as const } : {}),
  handler: async (r, ctx) => {
    if (cfg.delayMs !== undefined) await new Promise((res) => setTimeout(res, cfg.delayMs));
    const k = r.key!.toString();
    if (k === cfg.poisonKey) {
      if (cfg.crash === 'exit') process.exit(3);
      process.kill(process.pid, 'SIGKILL');
    }
    if (cfg.deadDigit !== undefined && k.endsWith(cfg.deadDigit)) throw new DeadLetter(`key ${k} is refused`);
    ctx.send(cfg.out, { key: r.key, value: r.value });
  },
});
process.on('SIGTERM', () => {
  void c.close().then(() => process.exit(0), () => process.exit(1));
});
c.run().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
