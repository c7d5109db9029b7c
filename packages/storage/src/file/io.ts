// The two I/O calls on the append path, behind a seam so tests can count fsyncs and inject ENOSPC.
import { open, type FileHandle } from 'node:fs/promises';

export interface FileIo {
  /** Writes all of `buffers` at `position` (positional writev; loops on short writes). */
  writev(fh: FileHandle, buffers: Buffer[], position: number): Promise<void>;
  datasync(fh: FileHandle): Promise<void>;
}

export const nodeFileIo: FileIo = {
  async writev(fh, buffers, position) {
    let total = 0;
    for (const b of buffers) total += b.length;
    let done = 0;
    let bufs = buffers;
    while (done < total) {
      const { bytesWritten } = await fh.writev(bufs, position + done);
      done += bytesWritten;
      if (done < total) bufs = remainder(buffers, done);
    }
  },
  datasync: (fh) => fh.datasync(),
};

function remainder(buffers: Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of buffers) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

/** fsync a directory so that created, renamed or removed entries survive a crash. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
