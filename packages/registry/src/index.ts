// @tideline/registry: a Confluent-compatible schema registry and its serdes.
export * from './formats/types.js';
export * from './serde/index.js';
