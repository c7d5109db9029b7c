// The part of @confluentinc/kafka-javascript's API that tests use, typed here because the
// package lives in the provisioning cache, outside the workspace's type resolution. Its
// KafkaJS-compatible facade (`KafkaJS.Kafka`) is the documented entry point.

/** librdkafka properties ('bootstrap.servers', 'compression.codec', ...) plus `kafkaJS` options `K`. */
export interface CkjsConfig<K extends object> {
  kafkaJS?: K;
  [librdkafkaProperty: string]: string | number | boolean | undefined | K;
}

export interface CkjsKafkaConfig {
  brokers: string[];
  clientId?: string;
  logLevel?: number;
}

export interface CkjsHeaders {
  [key: string]: Buffer | string | (Buffer | string)[] | undefined;
}

export interface CkjsMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  partition?: number;
  headers?: CkjsHeaders;
  timestamp?: string;
}

export interface CkjsRecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  offset?: string;
  baseOffset?: string;
}

export interface CkjsKafkaMessage {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  offset: string;
  headers?: CkjsHeaders;
}

export interface CkjsEachMessagePayload {
  topic: string;
  partition: number;
  message: CkjsKafkaMessage;
}

interface CkjsClient {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface CkjsProducer extends CkjsClient {
  send(record: { topic: string; messages: CkjsMessage[] }): Promise<CkjsRecordMetadata[]>;
  flush(args?: { timeout?: number }): Promise<void>;
  /** Transactional producers: begins a transaction; resolves with the producer itself. */
  transaction(): Promise<CkjsProducer>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** Offsets (next offset to read) committed with the transaction, for the consumer's group. */
  sendOffsets(arg: { consumer: CkjsConsumer; topics: { topic: string; partitions: { partition: number; offset: string }[] }[] }): Promise<void>;
}

export interface CkjsConsumer extends CkjsClient {
  subscribe(subscription: { topics: (string | RegExp)[] } | { topic: string | RegExp }): Promise<void>;
  run(config: { eachMessage: (payload: CkjsEachMessagePayload) => Promise<void> }): Promise<void>;
  stop(): Promise<void>;
  seek(tpo: { topic: string; partition: number; offset: string }): void;
  commitOffsets(tpo?: { topic: string; partition: number; offset: string }[]): Promise<void>;
}

export interface CkjsAdmin extends CkjsClient {
  createTopics(options: {
    timeout?: number;
    topics: {
      topic: string; numPartitions?: number; replicationFactor?: number;
      configEntries?: { name: string; value: string }[];
    }[];
  }): Promise<boolean>;
  deleteTopics(options: { topics: string[]; timeout?: number }): Promise<void>;
  listTopics(options?: { timeout?: number }): Promise<string[]>;
  fetchTopicMetadata(options?: { topics?: string[]; timeout?: number }): Promise<{
    name: string; partitions: { partitionId: number; leader: number; replicas: number[]; isr: number[] }[];
  }[]>;
  /** Per partition: `low` (log start offset) and `high` (high watermark), as decimal strings. */
  fetchTopicOffsets(topic: string, options?: { timeout?: number }): Promise<{ partition: number; offset: string; low: string; high: string }[]>;
  deleteTopicRecords(options: { topic: string; partitions: { partition: number; offset: string }[]; timeout?: number }): Promise<unknown[]>;
}

export interface CkjsKafka {
  producer(config?: CkjsConfig<{
    idempotent?: boolean; acks?: number; compression?: string; transactionalId?: string; transactionTimeout?: number; maxInFlightRequests?: number;
  }>): CkjsProducer;
  consumer(config: CkjsConfig<{ groupId: string; fromBeginning?: boolean; autoCommit?: boolean; sessionTimeout?: number; readUncommitted?: boolean }>): CkjsConsumer;
  admin(config?: CkjsConfig<object>): CkjsAdmin;
}

export interface ConfluentKafkaModule {
  KafkaJS: {
    Kafka: new (config: CkjsConfig<CkjsKafkaConfig>) => CkjsKafka;
    logLevel: { NOTHING: number; ERROR: number; WARN: number; INFO: number; DEBUG: number };
  };
  librdkafkaVersion: string;
  features: string[];
}
