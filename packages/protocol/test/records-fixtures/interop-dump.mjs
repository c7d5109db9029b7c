// Interop check with the Java client (manual; see KafkaFixtures.java):
//   node interop-dump.mjs write > ours.hex            batches encoded by Tideline, one per line
//   node interop-dump.mjs dump < file.hex > node.txt   Tideline's decoding, in KafkaFixtures' dump format
//   java -cp ... KafkaFixtures.java check < file.hex > java.txt; diff node.txt java.txt
import { readFileSync } from 'node:fs';
import { encodeBatch, decodeBatch, controlBatch } from '../../dist/src/records/index.js';

const hex = (b) => (b === null ? 'null' : b.toString('hex'));
const mode = process.argv[2];
if (mode === 'write') {
  for (const compression of [0, 1, 2, 3, 4]) {
    const records = [];
    for (let i = 0; i < 300; i++) {
      records.push({
        key: i % 5 === 0 ? null : Buffer.from(`key-${i}`),
        value: i % 7 === 3 ? null : Buffer.from(`value-${i}-${'y'.repeat(i * 11)}`),
        headers: i % 3 === 0 ? [] : [{ key: `h${i}`, value: Buffer.from(`hv${i}`) }, { key: 'nullh', value: null }],
        timestamp: 1700000000000n + BigInt(i * 13) - (i === 4 ? 5000n : 0n),
      });
    }
    console.log(encodeBatch({ baseOffset: 1000n, partitionLeaderEpoch: 9, compression, producerId: 77n, producerEpoch: 3, baseSequence: 5, records }).toString('hex'));
  }
  console.log(encodeBatch({ baseOffset: 5n, compression: 3, timestampType: 'logAppend', transactional: true, producerId: 1n, producerEpoch: 0, baseSequence: 0, baseTimestamp: 1700000000000n, records: [{ value: Buffer.alloc(300000, 7), timestamp: 1700000000001n }] }).toString('hex'));
  console.log(controlBatch({ type: 'commit', producerId: 9001n, producerEpoch: 2, coordinatorEpoch: 17, baseOffset: 77n, timestamp: 1700000000123n }).toString('hex'));
} else {
  for (const line of readFileSync(0, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { header: h, records } = decodeBatch(Buffer.from(line.trim(), 'hex'));
    const tstype = (h.attributes & 8) !== 0 ? 'LogAppendTime' : 'CreateTime';
    console.log(`batch base=${h.baseOffset} last=${h.baseOffset + BigInt(h.lastOffsetDelta)} codec=${h.attributes & 7} tstype=${tstype} maxts=${h.maxTimestamp} pid=${h.producerId} epoch=${h.producerEpoch} seq=${h.baseSequence} txn=${(h.attributes & 16) !== 0} control=${(h.attributes & 32) !== 0} ple=${h.partitionLeaderEpoch}`);
    for (const r of records) {
      console.log(`  ${r.offset} ${r.timestamp} ${hex(r.key)} ${hex(r.value)}${r.headers.map((x) => ` ${x.key}=${hex(x.value)}`).join('')}`);
    }
  }
}
