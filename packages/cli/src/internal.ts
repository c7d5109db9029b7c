export * from './index.js';
export { parseListen, runBroker, brokerStartOptions } from './broker-command.js';
