// Header names of the dead-letter envelope written on late records: @tideline/dlq's constants
// under the names this package exports.
import { DLQ_HEADERS } from '@tideline/dlq';

export const DLQ_ORIGINAL_TOPIC = DLQ_HEADERS.originalTopic;
export const DLQ_ORIGINAL_PARTITION = DLQ_HEADERS.originalPartition;
export const DLQ_ORIGINAL_OFFSET = DLQ_HEADERS.originalOffset;
export const DLQ_ORIGINAL_TIMESTAMP = DLQ_HEADERS.originalTimestamp;
export const DLQ_GROUP = DLQ_HEADERS.group;
export const DLQ_SOURCE = DLQ_HEADERS.source;
export const DLQ_ERROR_CLASS = DLQ_HEADERS.errorClass;
export const DLQ_ERROR_NAME = DLQ_HEADERS.errorName;
export const DLQ_ERROR_MESSAGE = DLQ_HEADERS.errorMessage;
export const DLQ_LATE_WATERMARK_MS = DLQ_HEADERS.lateWatermarkMs;
export const DLQ_LATE_WINDOW_START_MS = DLQ_HEADERS.lateWindowStartMs;
export const DLQ_LATE_WINDOW_END_MS = DLQ_HEADERS.lateWindowEndMs;
export const DLQ_LATE_BY_MS = DLQ_HEADERS.lateByMs;

/** The error class of late records. */
export const LATE_ERROR_CLASS = 'late';
export const LATE_ERROR_NAME = 'LateRecord';
