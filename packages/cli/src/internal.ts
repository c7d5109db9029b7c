export * from './index.js';
export { parseListen, runBroker } from './broker-command.js';
