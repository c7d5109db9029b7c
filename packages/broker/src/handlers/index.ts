// Every API the broker serves. Adding an API: write handlers/<api>.ts and list it here.
import type { Handler } from '../registry.js';
import { apiVersionsHandler } from './api-versions.js';
import { metadataHandler } from './metadata.js';
import { describeClusterHandler } from './describe-cluster.js';
import { produceHandler } from './produce.js';
import { fetchHandler } from './fetch.js';
import { listOffsetsHandler } from './list-offsets.js';
import { initProducerIdHandler } from './init-producer-id.js';
import { createTopicsHandler } from './create-topics.js';
import { deleteTopicsHandler } from './delete-topics.js';
import { createPartitionsHandler } from './create-partitions.js';
import { deleteRecordsHandler } from './delete-records.js';
import { describeConfigsHandler } from './describe-configs.js';
import { alterConfigsHandler } from './alter-configs.js';
import { incrementalAlterConfigsHandler } from './incremental-alter-configs.js';
import { describeLogDirsHandler } from './describe-log-dirs.js';

export const ALL_HANDLERS: Handler<never>[] = [
  apiVersionsHandler,
  metadataHandler,
  describeClusterHandler,
  produceHandler,
  fetchHandler,
  listOffsetsHandler,
  initProducerIdHandler,
  createTopicsHandler,
  deleteTopicsHandler,
  createPartitionsHandler,
  deleteRecordsHandler,
  describeConfigsHandler,
  alterConfigsHandler,
  incrementalAlterConfigsHandler,
  describeLogDirsHandler,
] as unknown as Handler<never>[];
