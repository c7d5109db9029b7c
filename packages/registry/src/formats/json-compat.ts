// JSON Schema compatibility: placeholder, deepened below.
import type { JsonParsedSchema } from './json.js';

export interface JsonDifference {
  type: string;
  path: string;
  message: string;
}

export function jsonSchemaReadable(_reader: JsonParsedSchema, _writer: JsonParsedSchema): JsonDifference[] {
  return [];
}
