// Encode/decode of a Produce request carrying 1 MiB of records and a Fetch response carrying 1 MiB,
// next to Buffer.copy of the same bytes on the same machine.
import { Reader, Writer, writeProduceRequest, readProduceRequest, writeFetchResponse, readFetchResponse, encodeRequest, ApiKey } from '@tideline/protocol';
import { measure, report } from './lib.mjs';

const MiB = 1024 * 1024;
const records = Buffer.alloc(MiB, 0x61);
// 16 partitions x 64 KiB, the shape of a busy producer's request
const parts = Array.from({ length: 16 }, (_, i) => ({ index: i, records: records.subarray(i * 65536, (i + 1) * 65536) }));
const produce = { transactionalId: null, acks: -1, timeoutMs: 30000, topicData: [{ name: 'bench', partitionData: parts }] };
const fetchResp = { responses: [{ topic: 'bench', topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: parts.map((p) => ({ partitionIndex: p.index, highWatermark: 100n, records: [p.records] })) }] };

const produceBytes = (() => { const w = new Writer(); writeProduceRequest(w, 11, produce); return w.toBuffer(); })();
const fetchBytes = (() => { const w = new Writer(); writeFetchResponse(w, 16, fetchResp); return w.toBuffer(); })();
const dst = Buffer.allocUnsafe(MiB);

const results = [
  measure('Buffer.copy 1 MiB', MiB, () => { records.copy(dst); }),
  measure('Produce v11 request encode (frame, buffer list)', MiB, () => { encodeRequest(ApiKey.Produce, 11, 1, 'bench', produce); }),
  measure('Produce v11 request encode + concat (one buffer)', MiB, () => { const w = new Writer(); writeProduceRequest(w, 11, produce); w.toBuffer(); }),
  measure('Produce v11 request decode', MiB, () => { readProduceRequest(new Reader(produceBytes), 11); }),
  measure('Fetch v16 response encode (buffer list)', MiB, () => { const w = new Writer(); writeFetchResponse(w, 16, fetchResp); w.toBuffers(); }),
  measure('Fetch v16 response decode', MiB, () => { readFetchResponse(new Reader(fetchBytes), 16); }),
];
report('protocol', results);
