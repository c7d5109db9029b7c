import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsumerRecord } from '@tideline/client';
import { compileFilter, FilterError, MAX_FILTER_LENGTH } from '../src/filter.js';

const rec = (value: string | Buffer | null, extra: Partial<ConsumerRecord> = {}): ConsumerRecord => ({
  topic: 't', partition: 1, offset: 42n, timestamp: 1_700_000_000_000n,
  key: Buffer.from('k-7'), value: value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value),
  headers: [{ key: 'source', value: Buffer.from('web') }], ...extra,
});

test('bare key/value comparisons (byte fast paths)', () => {
  assert.equal(compileFilter('value contains "needle"')(rec('hay needle hay')), true);
  assert.equal(compileFilter('value contains "needle"')(rec('hay')), false);
  assert.equal(compileFilter('value contains "x"')(rec(null)), false);
  assert.equal(compileFilter('key == "k-7"')(rec('')), true);
  assert.equal(compileFilter('key != "k-7"')(rec('')), false);
  assert.equal(compileFilter('key startsWith "k-"')(rec('')), true);
  assert.equal(compileFilter("key endsWith '7'")(rec('')), true);
  assert.equal(compileFilter('value contains "é"')(rec('café')), true);
});

test('JSON paths, numbers, headers, metadata fields, boolean logic', () => {
  const v = JSON.stringify({ customer: { id: 'c-42', tier: 3 }, items: [{ sku: 'a' }, { sku: 'b' }], tags: ['x', 'vip'] });
  assert.equal(compileFilter('value.customer.id == "c-42"')(rec(v)), true);
  assert.equal(compileFilter('value.customer.tier >= 3 && value.customer.tier < 4')(rec(v)), true);
  assert.equal(compileFilter('value.items[1].sku == "b"')(rec(v)), true);
  assert.equal(compileFilter('value["customer"]["id"] startsWith "c-"')(rec(v)), true);
  assert.equal(compileFilter('value.tags contains "vip"')(rec(v)), true);
  assert.equal(compileFilter('value.missing == null')(rec(v)), true);
  assert.equal(compileFilter('value.customer.id == 42')(rec(JSON.stringify({ customer: { id: '42' } }))), true);
  assert.equal(compileFilter('headers.source == "web" and partition == 1 and offset > 40')(rec(v)), true);
  assert.equal(compileFilter('headers["source"] == "app" || not (offset == 42)')(rec(v)), false);
  assert.equal(compileFilter('timestamp >= 1700000000000 && size > 10 && keySize == 3')(rec(v)), true);
  assert.equal(compileFilter('!value.customer')(rec('not json')), true);
  assert.equal(compileFilter('')(rec('x')), true);
});

test('malformed filters are refused with a position, never evaluated', () => {
  const bad: Array<[string, RegExp]> = [
    ['value ==', /unexpected end/],
    ['value = "x"', /unexpected character "="/],
    ['value contains "open', /unterminated string/],
    ['process.exit(1)', /unknown field "process"/],
    ['(value == "x"', /expected "\)"/],
    ['value == "x" value', /unexpected input/],
    ['headers.a.b == "x"', /headers needs one name/],
    ['value."x"', /expected a field name/],
    ['"\\q"', /unknown escape/],
    ['('.repeat(100) + 'true' + ')'.repeat(100), /nested deeper/],
    ['!'.repeat(100) + 'true', /nested deeper/],
  ];
  for (const [src, re] of bad) {
    assert.throws(() => compileFilter(src), (e: unknown) => e instanceof FilterError && re.test(e.message) && e.position >= 0, src);
  }
  assert.throws(() => compileFilter('x'.repeat(MAX_FILTER_LENGTH + 1)), FilterError);
});

test('binary values: string ops see the bytes, JSON paths see null', () => {
  const bin = Buffer.from([0xff, 0x00, 0x61, 0x62, 0xfe]);
  assert.equal(compileFilter('value contains "ab"')(rec(bin)), true);
  assert.equal(compileFilter('value.a == null')(rec(bin)), true);
});
