// Header names of the dead-letter envelope used for late records. They are the same strings as
// @tideline/dlq's envelope constants; switch to importing those once that package exists.

export const DLQ_ORIGINAL_TOPIC = 'tide.dlq.original.topic';
export const DLQ_ORIGINAL_PARTITION = 'tide.dlq.original.partition';
export const DLQ_ORIGINAL_OFFSET = 'tide.dlq.original.offset';
export const DLQ_ORIGINAL_TIMESTAMP = 'tide.dlq.original.timestamp';
export const DLQ_ERROR_CLASS = 'tide.dlq.error.class';
export const DLQ_ERROR_NAME = 'tide.dlq.error.name';
export const DLQ_ERROR_MESSAGE = 'tide.dlq.error.message';
export const DLQ_LATE_WATERMARK_MS = 'tide.dlq.late.watermark.ms';
export const DLQ_LATE_WINDOW_START_MS = 'tide.dlq.late.window.start.ms';
export const DLQ_LATE_WINDOW_END_MS = 'tide.dlq.late.window.end.ms';
export const DLQ_LATE_BY_MS = 'tide.dlq.late.by.ms';

/** The error class of late records. */
export const LATE_ERROR_CLASS = 'late';
export const LATE_ERROR_NAME = 'LateRecord';
