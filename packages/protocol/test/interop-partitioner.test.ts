// murmur2 and partitionForKey against the Java client's own default partitioner
// (BuiltInPartitioner.partitionForKey and Utils.murmur2, through the interop KafkaCli
// `partition` command): 1,027 deterministic keys (empty, every tail length, random bytes with
// the high bit set, long keys, ASCII and UTF-8 strings) for 1, 3, 6, 7 and 100 partitions.
// Keys go to the CLI hex-encoded (`partition --hex`), so arbitrary bytes survive argv; the
// strings are also passed as plain UTF-8 arguments once, to check the CLI's own UTF-8 path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJavaClient, toolOrSkip } from '@tideline/interop';
import { murmur2, partitionForKey } from '../src/index.js';

const PARTITION_COUNTS = [1, 3, 6, 7, 100];

/** Deterministic PRNG (LCG), so every run checks the same keys. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ ',
  'žluťoučkýkůňúpělďábelskéódy',
  'съешьжеещёэтихмягкихфранцузскихбулок',
  '日本語の鍵中文键한국어',
  '😀🎉🚀✓€',
];

function randomString(rand: () => number, len: number, alphabet: string): string {
  const chars = [...alphabet];
  let s = '';
  for (let i = 0; i < len; i++) s += chars[Math.floor(rand() * chars.length)]!;
  return s;
}

function keys(): { bytes: Buffer[]; strings: string[] } {
  const rand = seeded(0x6b61666b);
  const bytes: Buffer[] = [Buffer.alloc(0)];
  // Every length 1..64 (all tail lengths of the 4-byte loop, many times over), bytes >= 0x80 included.
  for (let len = 1; len <= 64; len++) {
    for (let j = 0; j < 6; j++) bytes.push(Buffer.from(Array.from({ length: len }, () => Math.floor(rand() * 256))));
  }
  // All 0xff and all 0x80 bytes: sign extension in the tail must match Java's.
  for (let len = 1; len <= 8; len++) bytes.push(Buffer.alloc(len, 0xff), Buffer.alloc(len, 0x80));
  // Long keys.
  for (const len of [255, 256, 257, 1000, 1023, 4096]) bytes.push(Buffer.from(Array.from({ length: len }, () => Math.floor(rand() * 256))));
  const strings: string[] = ['', 'a', 'key', 'user-42', 'order:2024-01-01'];
  for (let i = 0; strings.length < 600; i++) {
    const alphabet = i % 3 === 0 ? ALPHABETS[0]! : ALPHABETS[1 + (i % (ALPHABETS.length - 1))]!;
    strings.push(randomString(rand, 1 + Math.floor(rand() * 40), alphabet));
  }
  // Mixed scripts in one key.
  for (let i = 0; i < 20; i++) strings.push(ALPHABETS.map((a) => randomString(rand, 3, a)).join(''));
  return { bytes, strings };
}

interface JavaAnswer {
  key: string;
  partition: number;
  murmur2: number;
}

async function javaPartitions(n: number, keyArgs: string[], opts: { hex: boolean; env?: NodeJS.ProcessEnv }): Promise<JavaAnswer[]> {
  const args = ['partition', ...(opts.hex ? ['--hex'] : []), String(n), ...keyArgs];
  const r = await runJavaClient('4', args, opts.env === undefined ? {} : { env: opts.env });
  return r.rows as unknown as JavaAnswer[];
}

test('murmur2 and partitionForKey agree with the Java client on 1,000+ keys', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4')) return;
  const { bytes, strings } = keys();
  const all = [...bytes, ...strings.map((s) => Buffer.from(s, 'utf8'))];
  assert.equal(all.length, 1027);
  const hex = all.map((k) => k.toString('hex'));

  const answers = await Promise.all(PARTITION_COUNTS.map((n) => javaPartitions(n, hex, { hex: true })));
  PARTITION_COUNTS.forEach((n, i) => {
    const java = answers[i]!;
    assert.equal(java.length, all.length, `Java answered every key for ${n} partitions`);
    const mismatches: string[] = [];
    java.forEach((a, j) => {
      const key = all[j]!;
      assert.equal(a.key, hex[j]);
      if (murmur2(key) !== a.murmur2 || partitionForKey(key, n) !== a.partition) {
        mismatches.push(`${hex[j]}: ours ${murmur2(key)}/${partitionForKey(key, n)}, Java ${a.murmur2}/${a.partition}`);
      }
    });
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches for ${n} partitions`);
  });
  // The keys spread over the partitions (a constant partitioner would pass the checks above only
  // if Java's did the same).
  assert.equal(new Set(answers[PARTITION_COUNTS.indexOf(100)]!.map((a) => a.partition)).size, 100);
});

test('UTF-8 string keys passed as text agree too', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4')) return;
  const { strings } = keys();
  // The JVM decodes argv with the locale's charset: ask for UTF-8.
  const java = await javaPartitions(7, strings, { hex: false, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  assert.equal(java.length, strings.length);
  java.forEach((a, j) => {
    const key = Buffer.from(strings[j]!, 'utf8');
    assert.equal(a.key, strings[j]);
    assert.equal(a.murmur2, murmur2(key), `murmur2(${JSON.stringify(strings[j])})`);
    assert.equal(a.partition, partitionForKey(key, 7));
  });
});
