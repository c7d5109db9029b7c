export { startBroker, type BrokerOptions, type RunningBroker } from './start.js';
