// The well-known types a `.proto` may import without a reference (as Confluent's registry builds
// them in): google/protobuf/* and Confluent's own meta and decimal types. Definitions only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const P = 'syntax = "proto3";\npackage google.protobuf;\n';
const WRAPPERS: [string, string][] = [
  ['DoubleValue', 'double'], ['FloatValue', 'float'], ['Int64Value', 'int64'], ['UInt64Value', 'uint64'],
  ['Int32Value', 'int32'], ['UInt32Value', 'uint32'], ['BoolValue', 'bool'], ['StringValue', 'string'], ['BytesValue', 'bytes'],
];

function shipped(name: string): string {
  // protobufjs ships these .proto files beside its JSON forms.
  return readFileSync(require.resolve(`protobufjs/google/protobuf/${name}.proto`), 'utf8');
}

const lazy: Record<string, () => string> = {
  'google/protobuf/any.proto': () => `${P}message Any { string type_url = 1; bytes value = 2; }\n`,
  'google/protobuf/duration.proto': () => `${P}message Duration { int64 seconds = 1; int32 nanos = 2; }\n`,
  'google/protobuf/timestamp.proto': () => `${P}message Timestamp { int64 seconds = 1; int32 nanos = 2; }\n`,
  'google/protobuf/empty.proto': () => `${P}message Empty {}\n`,
  'google/protobuf/field_mask.proto': () => `${P}message FieldMask { repeated string paths = 1; }\n`,
  'google/protobuf/wrappers.proto': () => P + WRAPPERS.map(([n, t]) => `message ${n} { ${t} value = 1; }\n`).join(''),
  'google/protobuf/struct.proto': () =>
    `${P}message Struct { map<string, Value> fields = 1; }\n` +
    'message Value { oneof kind { NullValue null_value = 1; double number_value = 2; string string_value = 3; bool bool_value = 4; Struct struct_value = 5; ListValue list_value = 6; } }\n' +
    'enum NullValue { NULL_VALUE = 0; }\nmessage ListValue { repeated Value values = 1; }\n',
  'google/protobuf/descriptor.proto': () => shipped('descriptor'),
  'google/protobuf/source_context.proto': () => shipped('source_context'),
  'google/protobuf/type.proto': () => shipped('type'),
  'google/protobuf/api.proto': () => shipped('api'),
  'confluent/meta.proto': () =>
    'syntax = "proto3";\npackage confluent;\nimport "google/protobuf/descriptor.proto";\n' +
    'message Meta { string doc = 1; map<string, string> params = 2; repeated string tags = 3; }\n' +
    'extend google.protobuf.FileOptions { Meta file_meta = 1088; }\nextend google.protobuf.MessageOptions { Meta message_meta = 1088; }\n' +
    'extend google.protobuf.FieldOptions { Meta field_meta = 1088; }\nextend google.protobuf.EnumOptions { Meta enum_meta = 1088; }\n' +
    'extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }\n',
  'confluent/type/decimal.proto': () =>
    'syntax = "proto3";\npackage confluent.type;\nmessage Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }\n',
  'google/type/date.proto': () => 'syntax = "proto3";\npackage google.type;\nmessage Date { int32 year = 1; int32 month = 2; int32 day = 3; }\n',
  'google/type/timeofday.proto': () =>
    'syntax = "proto3";\npackage google.type;\nmessage TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }\n',
  'google/type/money.proto': () =>
    'syntax = "proto3";\npackage google.type;\nmessage Money { string currency_code = 1; int64 units = 2; int32 nanos = 3; }\n',
};

const cache = new Map<string, string>();

/** Text of a well-known file by import name; undefined when not one. */
export function wellKnownProto(name: string): string | undefined {
  const make = lazy[name];
  if (!make) return undefined;
  let text = cache.get(name);
  if (text === undefined) cache.set(name, (text = make()));
  return text;
}
