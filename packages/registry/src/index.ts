// @tideline/registry: a Confluent-compatible schema registry and its serdes.
export * from './formats/types.js';
