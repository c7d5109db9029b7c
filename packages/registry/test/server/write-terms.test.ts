// A write that spans a change of the primary role: the HTTP front asks again in the current term
// (still or again the primary: write with the new writer; no longer the primary: hand it on), and
// answers the error only when the role did not move. Deterministic: the election and the service
// are stand-ins that move the role at the moment of the write; the two-instance tests on both
// brokers (election.test.ts) cover the real group.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { RegistryError } from '../../src/index.js';
import type { Election } from '../../src/server/election.js';
import { createHttpServer } from '../../src/server/http.js';
import type { RegistryService } from '../../src/server/service.js';

class MovingElection implements Election {
  primary = true;
  terms = 0;
  isPrimary(): boolean {
    return this.primary;
  }
  term(): number {
    return this.terms;
  }
  primaryUrl(): string | null {
    return this.primary ? 'http://127.0.0.1:1' : null;
  }
  waitForPrimary(): Promise<string | null> {
    return Promise.resolve(this.primaryUrl());
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A service whose first `failures` registrations fail, each moving the role away and back. */
function service(election: MovingElection, failures: number): { svc: RegistryService; attempts: () => number } {
  let attempts = 0;
  const svc = {
    checkSubject: (subject: string) => subject,
    register: async () => {
      attempts++;
      if (attempts <= failures) {
        election.terms += 2; // demoted and promoted again while the write was in flight
        throw new RegistryError('STORE_ERROR', 'Error while writing to the schemas topic: producer closed');
      }
      return { value: { subject: 's', version: 1, id: 7, schema: '"string"' } };
    },
    response: (v: { subject: string; version: number; id: number; schema: string }) => v,
  };
  return { svc: svc as unknown as RegistryService, attempts: () => attempts };
}

async function post(election: MovingElection, svc: RegistryService, headers: Record<string, string> = {}): Promise<{ status: number; body: string; notPrimary: boolean }> {
  const { server } = createHttpServer({ service: svc, election, maxBodyBytes: 1 << 20, auth: null, primaryWaitMs: 0, clusterId: () => Promise.resolve('c'), catchUp: () => Promise.resolve() });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/subjects/s/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json', ...headers },
      body: JSON.stringify({ schema: '"string"' }),
    });
    return { status: res.status, body: await res.text(), notPrimary: res.headers.get('x-tideline-registry-not-primary') !== null };
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

test('a write whose writer was retired by a demotion and a promotion is written again in the new term', async () => {
  const election = new MovingElection();
  const { svc, attempts } = service(election, 1);
  const res = await post(election, svc, { 'x-tideline-registry-forwarded': '1' });
  assert.equal(res.status, 200, res.body);
  assert.equal((JSON.parse(res.body) as { id: number }).id, 7);
  assert.equal(attempts(), 2);
});

test('a write that fails without a change of role answers its error, once', async () => {
  const election = new MovingElection();
  let attempts = 0;
  const svc = {
    checkSubject: (subject: string) => subject,
    register: () => {
      attempts++;
      return Promise.reject(new RegistryError('STORE_ERROR', 'Error while writing to the schemas topic: broken'));
    },
  } as unknown as RegistryService;
  const res = await post(election, svc);
  assert.equal(res.status, 500);
  assert.match(res.body, /50001/);
  assert.equal(attempts, 1);
});

test('a forwarded write whose receiver lost the role during it tells the forwarder to look again', async () => {
  const election = new MovingElection();
  const svc = {
    checkSubject: (subject: string) => subject,
    register: () => {
      election.primary = false;
      election.terms++;
      return Promise.reject(new RegistryError('STORE_ERROR', 'Error while writing to the schemas topic: producer closed'));
    },
  } as unknown as RegistryService;
  const res = await post(election, svc, { 'x-tideline-registry-forwarded': '1' });
  assert.equal(res.status, 500);
  assert.ok(res.notPrimary);
  assert.match(res.body, /lost the primary role/);
});

test('a role that keeps moving under a write ends in its error after a bounded number of attempts', async () => {
  const election = new MovingElection();
  const { svc, attempts } = service(election, 100);
  const res = await post(election, svc);
  assert.equal(res.status, 500);
  assert.match(res.body, /producer closed/);
  assert.equal(attempts(), 4);
});
