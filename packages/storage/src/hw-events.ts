// High-watermark listeners, shared by the engines: one listener's failure must not stop the others
// or reach the storage code that moved the high watermark.
export function emitHighWatermark(listeners: ReadonlySet<(hw: bigint) => void>, hw: bigint): void {
  for (const l of listeners) {
    try {
      l(hw);
    } catch {
      // The listener's own concern; the advance itself has happened.
    }
  }
}
