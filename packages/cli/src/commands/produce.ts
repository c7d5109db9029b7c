// tide produce: one record per line of stdin (or per --delimiter), optionally `key<separator>value`.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Producer, type CompressionName, type Message, type RecordMetadata } from '@tideline/client';
import { Command, Option } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { Progress, rate, toJson, type Io } from '../output.js';
import { collect, keyValues, parseIntArg } from './common.js';

const COMPRESSIONS: readonly CompressionName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
/** Records awaiting acknowledgement at once; beyond it, reading stdin waits. */
const WINDOW = 16_384;
/** Most records per send() call. */
const BATCH = 1000;

export interface ProduceOptions {
  key?: string;
  separator?: string;
  header?: string[];
  partition?: number;
  compression: CompressionName;
  acks: string;
  lingerMs?: number;
  tombstone?: boolean;
  format: 'text' | 'json';
  progress?: boolean;
  quiet?: boolean;
}

/** Turns an input line into a record: key and value split at the first separator (no separator: null key). */
export function lineToMessage(line: string, o: Pick<ProduceOptions, 'key' | 'separator' | 'partition' | 'tombstone'>, headers: Array<{ key: string; value: string }>): Message {
  let key: string | null = o.key ?? null;
  let value: string | null = line;
  if (o.separator !== undefined) {
    const i = line.indexOf(o.separator);
    if (i >= 0) {
      key = line.slice(0, i);
      value = line.slice(i + o.separator.length);
    }
  }
  if (o.tombstone === true && value === '') value = null;
  return { key, value, ...(headers.length > 0 ? { headers } : {}), ...(o.partition !== undefined ? { partition: o.partition } : {}) };
}

export function produceCommand(io: Io, stdin: () => Readable = () => process.stdin): Command {
  return new Command('produce')
    .description('produce records read from stdin, one per line')
    .argument('<topic>', 'topic to produce to')
    .option('-k, --key <key>', 'key of every record (default: none, or from --separator)')
    .option('-s, --separator <sep>', 'split each line at the first SEP into key and value (a line without SEP has no key)')
    .option('-H, --header <key=value>', 'header on every record, repeatable', collect)
    .option('-p, --partition <n>', 'partition (default: murmur2 of the key, or sticky for no key)', parseIntArg('--partition'))
    .addOption(new Option('-z, --compression <codec>', 'batch compression').choices(COMPRESSIONS).default('none'))
    .addOption(new Option('--acks <acks>', 'acknowledgement: all (idempotent), 1 or 0').choices(['all', '1', '0']).default('all'))
    .option('--linger-ms <ms>', 'how long a batch waits for more records', parseIntArg('--linger-ms'))
    .option('--tombstone', 'an empty value is produced as null (a delete on compacted topics)')
    .addOption(new Option('--format <format>', 'text: a summary on stderr; json: one line per acknowledged record on stdout').choices(['text', 'json']).default('text'))
    .option('--progress', 'print progress on stderr every second even when it is not a terminal')
    .option('-q, --quiet', 'no summary or progress')
    .action((topic: string, o: ProduceOptions, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const headers = keyValues(o.header, '--header').map(([key, value]) => ({ key, value }));
        const acks = o.acks === 'all' ? 'all' : (Number(o.acks) as 0 | 1);
        const producer = new Producer({
          ...ctx.clusterOptions(),
          acks,
          compression: o.compression,
          ...(o.lingerMs !== undefined ? { lingerMs: o.lingerMs } : {}),
        });
        ctx.onClose(() => producer.close({ flush: false }));
        // Fail early (with the broker's words) when the topic does not exist or cannot be reached.
        const [described] = await ctx.admin.describeTopics([topic]);
        if (o.partition !== undefined && o.partition >= described!.partitions.length) {
          throw new CliError(`partition ${o.partition} does not exist: ${topic} has ${described!.partitions.length} partitions (0..${described!.partitions.length - 1})`);
        }

        let sent = 0;
        let acked = 0;
        let failure: unknown = null;
        const perPartition = new Map<number, number>();
        const progress: Progress = new Progress(io, o.quiet !== true && (o.progress === true || io.errIsTty), (): string => `produced ${acked} records (${rate(acked, progress.elapsed())})`);
        const onAcks = (metas: RecordMetadata[]): void => {
          for (const m of metas) {
            acked++;
            perPartition.set(m.partition, (perPartition.get(m.partition) ?? 0) + 1);
            if (o.format === 'json') io.out(toJson({ topic: m.topic, partition: m.partition, offset: m.offset, timestamp: m.timestamp }));
          }
        };
        // Lines arriving together go out in one send(); reading pauses while WINDOW records await acks.
        const lines = createInterface({ input: stdin(), crlfDelay: Infinity });
        const inFlight = new Set<Promise<void>>();
        let unacked = 0;
        let pending: Message[] = [];
        let scheduled = false;
        const sendPending = (): void => {
          scheduled = false;
          if (pending.length === 0 || failure !== null) return;
          const messages = pending;
          pending = [];
          sent += messages.length;
          unacked += messages.length;
          const p: Promise<void> = producer.send({ topic, messages }).then(onAcks, (e: unknown) => {
            if (failure === null) {
              failure = e;
              lines.close();
            }
          }).finally(() => {
            inFlight.delete(p);
            unacked -= messages.length;
            if (unacked < WINDOW) lines.resume();
          });
          inFlight.add(p);
          if (unacked >= WINDOW) lines.pause();
        };
        const closed = new Promise<void>((resolve) => lines.once('close', resolve));
        lines.on('line', (line) => {
          if (failure !== null) return;
          pending.push(lineToMessage(line, o, headers));
          if (pending.length >= BATCH) sendPending();
          else if (!scheduled) {
            scheduled = true;
            setImmediate(sendPending);
          }
        });
        try {
          await closed;
          sendPending();
          while (inFlight.size > 0) await Promise.all(inFlight);
          await producer.flush();
        } finally {
          lines.close();
          progress.done();
        }
        if (failure !== null) {
          if (o.quiet !== true) io.err(`produced ${acked} of ${sent} records read before the failure`);
          throw failure;
        }
        if (o.quiet !== true) {
          const parts = [...perPartition].sort((a, b) => a[0] - b[0]).map(([p, n]) => `${p}: ${n}`).join(', ');
          io.err(`produced ${acked} record${acked === 1 ? '' : 's'} to ${topic}${acked > 0 ? ` (partition ${parts})` : ''} in ${progress.elapsed().toFixed(1)} s`);
        }
      }));
}
