// Protobuf compatibility: placeholder, deepened below.
import type { ProtobufParsedSchema } from './protobuf.js';

export interface ProtobufDifference {
  type: string;
  path: string;
  message: string;
}

export function protobufReadable(_reader: ProtobufParsedSchema, _writer: ProtobufParsedSchema): ProtobufDifference[] {
  return [];
}
