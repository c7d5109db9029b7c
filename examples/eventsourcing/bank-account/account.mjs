// The bank account from the origin documents, as an Emmett decider: its events are the public
// contract (the read model of balances and the example both import this module).
//
// Stream: `account-<id>` (category `account`). Events (data):
//   AccountOpened   { accountId, owner }
//   MoneyDeposited  { accountId, amount }      amount: integer cents > 0
//   MoneyWithdrawn  { accountId, amount }      never more than the balance (no overdraft)
import { IllegalStateError, ValidationError } from '@tideline/eventsourcing';

export const streamIdOf = (accountId) => `account-${accountId}`;

export const initialState = () => ({ status: 'none', balance: 0 });

export function evolve(state, event) {
  switch (event.type) {
    case 'AccountOpened':
      return { status: 'open', balance: 0 };
    case 'MoneyDeposited':
      return { ...state, balance: state.balance + event.data.amount };
    case 'MoneyWithdrawn':
      return { ...state, balance: state.balance - event.data.amount };
    default:
      return state;
  }
}

/** Commands: OpenAccount { accountId, owner }, Deposit { accountId, amount }, Withdraw { accountId, amount }. */
export function decide(command, state) {
  const { accountId } = command.data;
  switch (command.type) {
    case 'OpenAccount':
      if (state.status !== 'none') throw new IllegalStateError(`account ${accountId} is already open`);
      return { type: 'AccountOpened', data: { accountId, owner: command.data.owner } };
    case 'Deposit':
      if (state.status !== 'open') throw new IllegalStateError(`account ${accountId} is not open`);
      if (!Number.isSafeInteger(command.data.amount) || command.data.amount <= 0) throw new ValidationError('a deposit is a positive whole number of cents');
      return { type: 'MoneyDeposited', data: { accountId, amount: command.data.amount } };
    case 'Withdraw':
      if (state.status !== 'open') throw new IllegalStateError(`account ${accountId} is not open`);
      if (!Number.isSafeInteger(command.data.amount) || command.data.amount <= 0) throw new ValidationError('a withdrawal is a positive whole number of cents');
      if (command.data.amount > state.balance) throw new IllegalStateError(`insufficient funds: balance ${state.balance}, withdrawal ${command.data.amount}`);
      return { type: 'MoneyWithdrawn', data: { accountId, amount: command.data.amount } };
    default:
      throw new ValidationError(`unknown command ${command.type}`);
  }
}

export const decider = { decide, evolve, initialState };
