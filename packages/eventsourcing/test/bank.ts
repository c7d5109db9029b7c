// Test helper (not a test file): the bank account decider of examples/eventsourcing/bank-account, typed.
import type { Command, Event } from '@event-driven-io/emmett';

export type AccountEvent =
  | Event<'AccountOpened', { accountId: string; owner: string }>
  | Event<'MoneyDeposited', { accountId: string; amount: number }>
  | Event<'MoneyWithdrawn', { accountId: string; amount: number }>;
export type AccountCommand =
  | Command<'OpenAccount', { accountId: string; owner: string }>
  | Command<'Deposit', { accountId: string; amount: number }>
  | Command<'Withdraw', { accountId: string; amount: number }>;
export interface AccountState {
  status: 'none' | 'open';
  balance: number;
}
export interface AccountModule {
  streamIdOf(id: string): string;
  decide(c: AccountCommand, s: AccountState): AccountEvent;
  evolve(s: AccountState, e: AccountEvent): AccountState;
  initialState(): AccountState;
}

const url = new URL('../../../../examples/eventsourcing/bank-account/account.mjs', import.meta.url);
export const account = (await import(url.href)) as AccountModule;
