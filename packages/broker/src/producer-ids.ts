// Producer id allocation for InitProducerId, in blocks kept in storage's ProducerIdBlockStore.
import type { ProducerIdBlockStore } from '@tideline/storage';

/**
 * Allocates producer ids. The end of the current block is stored durably before any id in it is
 * handed out, so a restart continues after the block and never reuses an id.
 */
export class ProducerIdAllocator {
  private next = 0n;
  private blockEnd = 0n;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly store: ProducerIdBlockStore, private readonly blockSize: bigint) {}

  /**
   * Reads the stored block end and starts reserving the first block at once, without waiting for
   * it: the first InitProducerId (every idempotent producer's first request) then finds the block
   * durable, or waits only for what is left of its write, instead of two fsync rounds of its own.
   * A failed reservation is tried again (and reported) by the next allocate().
   */
  static async open(store: ProducerIdBlockStore, blockSize = 1000): Promise<ProducerIdAllocator> {
    const a = new ProducerIdAllocator(store, BigInt(blockSize));
    const end = await store.readBlockEnd();
    if (end !== null) {
      a.next = end;
      a.blockEnd = end;
    }
    a.chain = a.reserveIfExhausted().catch(() => {});
    return a;
  }

  private async reserveIfExhausted(): Promise<void> {
    if (this.next < this.blockEnd) return;
    const end = this.next + this.blockSize;
    await this.store.reserveBlock(end);
    this.blockEnd = end;
  }

  allocate(): Promise<bigint> {
    const p = this.chain.then(async () => {
      await this.reserveIfExhausted();
      return this.next++;
    });
    this.chain = p.catch(() => {});
    return p;
  }

  /** Resolves once no reservation is being written (before the storage under it closes). */
  async settled(): Promise<void> {
    await this.chain;
  }
}
