// perContext and onClose: per-context state (a background sampler) is made once per context and
// cleaned up when that context closes (a session ending, the console stopping).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, perContext } from '../src/context.js';

test('perContext makes one value per context; onClose runs when the context closes', async () => {
  const a = createContext({ bootstrap: '127.0.0.1:1' }, { principal: 'User:a' });
  const b = createContext({ bootstrap: '127.0.0.1:1' }, { principal: 'User:b' });
  const closed: string[] = [];
  const of = perContext((ctx) => {
    const v = { who: ctx.principal };
    ctx.onClose(async () => void closed.push(v.who ?? ''));
    return v;
  });
  assert.equal(of(a), of(a));
  assert.notEqual(of(a), of(b));
  assert.equal(of(b).who, 'User:b');
  await a.close();
  assert.deepEqual(closed, ['User:a']);
  await b.close();
  assert.deepEqual(closed, ['User:a', 'User:b']);
});
