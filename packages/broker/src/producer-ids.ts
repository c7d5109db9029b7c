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

  static async open(store: ProducerIdBlockStore, blockSize = 1000): Promise<ProducerIdAllocator> {
    const a = new ProducerIdAllocator(store, BigInt(blockSize));
    const end = await store.readBlockEnd();
    if (end !== null) {
      a.next = end;
      a.blockEnd = end;
    }
    return a;
  }

  allocate(): Promise<bigint> {
    const p = this.chain.then(async () => {
      if (this.next >= this.blockEnd) {
        const end = this.next + this.blockSize;
        await this.store.reserveBlock(end);
        this.blockEnd = end;
      }
      return this.next++;
    });
    this.chain = p.catch(() => {});
    return p;
  }
}
