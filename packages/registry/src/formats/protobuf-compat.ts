// Protobuf compatibility, as Confluent's registry judges it: a diff of the writer's file (the
// "original") against the reader's (the "update") by message name and field number, each
// difference typed with Confluent's Difference.Type name; compatible when every difference is in
// the allowed set. In short:
// - allowed: messages, enums, enum values, fields and oneofs added or removed (proto3 readers skip
//   unknown fields and default missing ones), a field renamed (the number is what is encoded),
//   a message reordered or moved (message indexes are per schema id), a field moved out of a oneof,
//   string ↔ bytes, and a string/bytes field's label changed;
// - forbidden: the package changed, a message removed, a field's kind changed (scalar, message,
//   map), a scalar changed across wire-compatible groups (int32/int64/uint32/uint64/bool/enum;
//   sint32/sint64; fixed32/sfixed32; fixed64/sfixed64; float; double; string/bytes), a numeric
//   field's label changed (optional ↔ repeated), a message-typed field pointing at a differently
//   named type or at one that changed incompatibly, a required field added or removed (proto2),
//   a oneof member removed while its oneof lives on, and fields that were independent made
//   mutually exclusive by a oneof.
import type { EnumDesc, FieldDesc, FileDesc, MessageDesc } from './descriptor.js';
import { TYPE_NAMES } from './descriptor.js';
import type { ProtobufParsedSchema } from './protobuf.js';
import type { ResolvedReference } from './types.js';

export interface ProtobufDifference {
  type: string;
  path: string;
  message: string;
}

export const PROTOBUF_COMPATIBLE_CHANGES: ReadonlySet<string> = new Set([
  'MESSAGE_ADDED', 'MESSAGE_MOVED', 'ENUM_ADDED', 'ENUM_REMOVED', 'ENUM_CONST_ADDED', 'ENUM_CONST_CHANGED',
  'ENUM_CONST_REMOVED', 'FIELD_ADDED', 'FIELD_REMOVED', 'FIELD_NAME_CHANGED', 'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
  'ONEOF_ADDED', 'ONEOF_REMOVED', 'ONEOF_FIELD_ADDED', 'ONEOF_FIELD_MOVED_TO_TOP_LEVEL',
]);

interface TypeInfo {
  kind: 'message' | 'enum';
  pkg: string;
  msg?: MessageDesc;
  en?: EnumDesc;
  isMap: boolean;
  /** subject:version of the reference the type comes from; undefined: this schema's own file. */
  ref: string | undefined;
}

type Label = 'OPTIONAL' | 'REQUIRED' | 'REPEATED' | null;

class Side {
  readonly types = new Map<string, TypeInfo>();
  constructor(readonly schema: ProtobufParsedSchema) {
    const refKeys = new Map<string, string>();
    const walk = (refs: readonly ResolvedReference[]): void => {
      for (const r of refs) {
        if (!refKeys.has(r.name)) refKeys.set(r.name, `${r.subject}:${r.version}`);
        walk(r.references);
      }
    };
    walk(schema.references);
    for (const [name, file] of schema.dependencies) this.collect(file, refKeys.get(name) ?? `builtin:${name}`);
    this.collect(schema.descriptor, undefined);
  }

  private collect(file: FileDesc, ref: string | undefined): void {
    const pkg = file.package ?? '';
    const walk = (msgs: readonly MessageDesc[], enums: readonly EnumDesc[], prefix: string): void => {
      for (const e of enums) this.types.set(`${prefix}${e.name}`, { kind: 'enum', pkg, en: e, isMap: false, ref });
      for (const m of msgs) {
        const full = `${prefix}${m.name}`;
        this.types.set(full, { kind: 'message', pkg, msg: m, isMap: m.options?.mapEntry === true, ref });
        walk(m.nestedType, m.enumType, `${full}.`);
      }
    };
    walk(file.messageType, file.enumType, pkg ? `${pkg}.` : '');
  }

  get(typeName: string | undefined): TypeInfo | undefined {
    return typeName === undefined ? undefined : this.types.get(typeName.replace(/^\./, ''));
  }

  proto3(): boolean {
    return this.schema.descriptor.syntax === 'proto3';
  }
}

class Ctx {
  constructor(
    readonly o: Side,
    readonly u: Side,
    readonly path: string,
    readonly diffs: ProtobufDifference[],
    readonly visiting: Set<string>,
  ) {}
  at(segment: string | number): Ctx {
    return new Ctx(this.o, this.u, `${this.path}/${segment}`, this.diffs, this.visiting);
  }
  sub(): Ctx {
    return new Ctx(this.o, this.u, this.path, [], this.visiting);
  }
  add(type: string): void {
    this.diffs.push({ type, path: this.path, message: describe(type, this.path) });
  }
  compatible(): boolean {
    return this.diffs.every((d) => PROTOBUF_COMPATIBLE_CHANGES.has(d.type));
  }
}

function realMessages(msgs: readonly MessageDesc[]): MessageDesc[] {
  return msgs.filter((m) => m.options?.mapEntry !== true);
}

function compareTypeElements(ctx: Ctx, o: { msgs: MessageDesc[]; enums: EnumDesc[] }, u: { msgs: MessageDesc[]; enums: EnumDesc[] }, oPrefix: string, uPrefix: string): void {
  const om = realMessages(o.msgs);
  const um = realMessages(u.msgs);
  const names = [...new Set([...om.map((m) => m.name), ...um.map((m) => m.name)])];
  for (const name of names) {
    const here = ctx.at(name);
    const oi = om.findIndex((m) => m.name === name);
    const ui = um.findIndex((m) => m.name === name);
    if (ui < 0) here.add('MESSAGE_REMOVED');
    else if (oi < 0) here.add('MESSAGE_ADDED');
    else {
      compareMessages(here, om[oi]!, um[ui]!, `${oPrefix}${name}`, `${uPrefix}${name}`);
      if (oi !== ui) here.add('MESSAGE_MOVED');
    }
  }
  const enames = [...new Set([...o.enums.map((e) => e.name), ...u.enums.map((e) => e.name)])];
  for (const name of enames) {
    const here = ctx.at(name);
    const oe = o.enums.find((e) => e.name === name);
    const ue = u.enums.find((e) => e.name === name);
    if (!ue) here.add('ENUM_REMOVED');
    else if (!oe) here.add('ENUM_ADDED');
    else compareEnums(here, oe, ue);
  }
}

function compareEnums(ctx: Ctx, o: EnumDesc, u: EnumDesc): void {
  const tags = [...new Set([...o.value.map((v) => v.number), ...u.value.map((v) => v.number)])].sort((a, b) => a - b);
  for (const tag of tags) {
    const ov = o.value.find((v) => v.number === tag);
    const uv = u.value.find((v) => v.number === tag);
    const here = ctx.at(tag);
    if (!uv) here.add('ENUM_CONST_REMOVED');
    else if (!ov) here.add('ENUM_CONST_ADDED');
    else if (ov.name !== uv.name) here.add('ENUM_CONST_CHANGED');
  }
}

/** The oneof a field belongs to (real oneofs only; proto3 `optional` is not one). */
function oneofOf(m: MessageDesc, f: FieldDesc): string | undefined {
  if (f.oneofIndex === undefined || f.proto3Optional) return undefined;
  return m.oneofDecl[f.oneofIndex]?.name;
}

function labelOf(side: Side, f: FieldDesc, inOneof: boolean): Label {
  if (inOneof) return null;
  if (f.label === 3) return 'REPEATED';
  if (f.label === 2) return 'REQUIRED';
  if (side.proto3() && !f.proto3Optional) return null;
  return 'OPTIONAL';
}

function compareMessages(ctx: Ctx, o: MessageDesc, u: MessageDesc, oFull: string, uFull: string): void {
  const key = `${oFull}|${uFull}`;
  if (!ctx.visiting.has(key)) {
    ctx.visiting.add(key);
    try {
      compareMessageFields(ctx, o, u);
    } finally {
      ctx.visiting.delete(key);
    }
  }
  compareTypeElements(ctx, { msgs: o.nestedType, enums: o.enumType }, { msgs: u.nestedType, enums: u.enumType }, `${oFull}.`, `${uFull}.`);
}

function compareMessageFields(ctx: Ctx, o: MessageDesc, u: MessageDesc): void {
  const oBy = new Map(o.field.map((f) => [f.number, f]));
  const uBy = new Map(u.field.map((f) => [f.number, f]));
  const oOneof = new Map<number, string>();
  const uOneof = new Map<number, string>();
  for (const f of o.field) { const n = oneofOf(o, f); if (n !== undefined) oOneof.set(f.number, n); }
  for (const f of u.field) { const n = oneofOf(u, f); if (n !== undefined) uOneof.set(f.number, n); }
  const oOneofNames = new Set(oOneof.values());
  const uOneofNames = new Set(uOneof.values());
  // A oneof removed with none of its members left anywhere: a complete (allowed) deletion.
  const deleted = new Set<string>();
  for (const name of oOneofNames) {
    if (uOneofNames.has(name)) continue;
    const members = [...oOneof].filter(([, n]) => n === name).map(([t]) => t);
    if (!members.some((t) => uBy.has(t))) deleted.add(name);
  }
  // Fields that were independent now made mutually exclusive by one oneof.
  for (const name of uOneofNames) {
    const groups = new Set<string>();
    let movedIn = 0;
    for (const [tag, n] of uOneof) {
      if (n !== name) continue;
      const from = oOneof.get(tag);
      if (from !== undefined) groups.add(`oneof:${from}`);
      else if (oBy.has(tag)) {
        groups.add(`field:${tag}`);
        movedIn++;
      }
    }
    if (groups.size > 1) ctx.at(name).add(movedIn > 1 ? 'MULTIPLE_FIELDS_MOVED_TO_ONEOF' : 'FIELD_MOVED_TO_EXISTING_ONEOF');
  }
  for (const name of [...new Set([...oOneofNames, ...uOneofNames])].sort()) {
    if (!uOneofNames.has(name)) ctx.at(name).add('ONEOF_REMOVED');
    else if (!oOneofNames.has(name)) ctx.at(name).add('ONEOF_ADDED');
  }
  const tags = [...new Set([...oBy.keys(), ...uBy.keys()])].sort((a, b) => a - b);
  for (const tag of tags) {
    const of = oBy.get(tag);
    const uf = uBy.get(tag);
    const on = oOneof.get(tag);
    const un = uOneof.get(tag);
    if (!uf) {
      if (on !== undefined) {
        if (!deleted.has(on)) ctx.at(on).at(tag).add('ONEOF_FIELD_REMOVED');
      } else {
        ctx.at(tag).add(of!.label === 2 ? 'REQUIRED_FIELD_REMOVED' : 'FIELD_REMOVED');
      }
    } else if (!of) {
      if (un !== undefined) ctx.at(un).at(tag).add('ONEOF_FIELD_ADDED');
      else ctx.at(tag).add(uf.label === 2 ? 'REQUIRED_FIELD_ADDED' : 'FIELD_ADDED');
    } else {
      if (on !== undefined && un === undefined) ctx.at(tag).add('ONEOF_FIELD_MOVED_TO_TOP_LEVEL');
      const here = un !== undefined ? ctx.at(un).at(tag) : ctx.at(tag);
      if (of.name !== uf.name) here.add('FIELD_NAME_CHANGED');
      compareLabelsAndTypes(here, labelOf(ctx.o, of, on !== undefined), labelOf(ctx.u, uf, un !== undefined), typeOf(ctx.o, of), typeOf(ctx.u, uf));
    }
  }
}

type FieldType =
  | { kind: 'SCALAR'; scalar: string }
  | { kind: 'MAP'; key: FieldType; value: FieldType }
  | { kind: 'MESSAGE'; name: string; info: TypeInfo | undefined };

function typeOf(side: Side, f: FieldDesc): FieldType {
  if (f.type === 14) return { kind: 'SCALAR', scalar: 'enum' };
  if (f.type === 11 || f.type === 10) {
    const info = side.get(f.typeName);
    if (info?.isMap && info.msg) {
      const [k, v] = [info.msg.field.find((x) => x.number === 1), info.msg.field.find((x) => x.number === 2)];
      return { kind: 'MAP', key: k ? typeOf(side, k) : { kind: 'SCALAR', scalar: 'string' }, value: v ? typeOf(side, v) : { kind: 'SCALAR', scalar: 'string' } };
    }
    if (info?.kind === 'enum') return { kind: 'SCALAR', scalar: 'enum' };
    return { kind: 'MESSAGE', name: (f.typeName ?? '').replace(/^\./, ''), info };
  }
  return { kind: 'SCALAR', scalar: TYPE_NAMES[f.type] ?? 'bytes' };
}

const SCALAR_KIND: Record<string, string> = {
  int32: 'GENERAL_NUMBER', int64: 'GENERAL_NUMBER', uint32: 'GENERAL_NUMBER', uint64: 'GENERAL_NUMBER', bool: 'GENERAL_NUMBER', enum: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER', sint64: 'SIGNED_NUMBER', string: 'STRING_OR_BYTES', bytes: 'STRING_OR_BYTES',
  fixed32: 'FIXED32', sfixed32: 'FIXED32', fixed64: 'FIXED64', sfixed64: 'FIXED64', float: 'FLOAT', double: 'DOUBLE',
};

function compareLabelsAndTypes(ctx: Ctx, ol: Label, ul: Label, ot: FieldType, ut: FieldType): void {
  if (ot.kind !== ut.kind) return ctx.add('FIELD_KIND_CHANGED');
  if (ot.kind === 'SCALAR' && ut.kind === 'SCALAR') {
    const ok = SCALAR_KIND[ot.scalar];
    const uk = SCALAR_KIND[ut.scalar];
    if (ok !== uk) return ctx.add('FIELD_SCALAR_KIND_CHANGED');
    if (ol !== null && ul !== null && ol !== ul) ctx.add(ok === 'STRING_OR_BYTES' ? 'FIELD_STRING_OR_BYTES_LABEL_CHANGED' : 'FIELD_NUMERIC_LABEL_CHANGED');
    return;
  }
  if (ot.kind === 'MAP' && ut.kind === 'MAP') {
    compareLabelsAndTypes(ctx, null, null, ot.key, ut.key);
    compareLabelsAndTypes(ctx, null, null, ot.value, ut.value);
    return;
  }
  if (ot.kind === 'MESSAGE' && ut.kind === 'MESSAGE') {
    const local = (t: { name: string; info: TypeInfo | undefined }): string =>
      t.info && t.info.pkg && t.name.startsWith(`${t.info.pkg}.`) ? t.name.slice(t.info.pkg.length + 1) : t.name;
    if (!ot.info?.msg || !ut.info?.msg) {
      if (ot.name !== ut.name) ctx.add('FIELD_NAMED_TYPE_CHANGED');
      return;
    }
    if (local(ot) !== local(ut)) return ctx.add('FIELD_NAMED_TYPE_CHANGED');
    if (ot.info.ref !== undefined && ot.info.ref === ut.info.ref) return; // the same subject version
    const sub = ctx.sub();
    compareMessages(sub, ot.info.msg, ut.info.msg, ot.name, ut.name);
    ctx.diffs.push(...sub.diffs);
    if (!sub.compatible()) ctx.add('FIELD_NAMED_TYPE_CHANGED');
  }
}

function describe(type: string, path: string): string {
  const what: Record<string, string> = {
    PACKAGE_CHANGED: 'the package differs',
    MESSAGE_REMOVED: 'the message is missing in the reader\'s schema',
    FIELD_KIND_CHANGED: 'the field changed between scalar, message and map',
    FIELD_SCALAR_KIND_CHANGED: 'the field\'s scalar type is not wire-compatible with the other schema\'s',
    FIELD_NAMED_TYPE_CHANGED: 'the field\'s message type differs or changed incompatibly',
    FIELD_NUMERIC_LABEL_CHANGED: 'the numeric field\'s label (optional/repeated/required) changed',
    REQUIRED_FIELD_ADDED: 'a required field was added',
    REQUIRED_FIELD_REMOVED: 'a required field was removed',
    ONEOF_FIELD_REMOVED: 'a field of a oneof that still exists was removed',
    MULTIPLE_FIELDS_MOVED_TO_ONEOF: 'several independent fields were moved into one oneof',
    FIELD_MOVED_TO_EXISTING_ONEOF: 'a field was moved into an existing oneof',
  };
  return `${what[type] ?? type.toLowerCase().replace(/_/g, ' ')} at '${path}'`;
}

/** Every difference (allowed or not) from `original` (writer) to `update` (reader). */
export function protobufDiff(original: ProtobufParsedSchema, update: ProtobufParsedSchema): ProtobufDifference[] {
  const ctx = new Ctx(new Side(original), new Side(update), '#', [], new Set());
  const o = original.descriptor;
  const u = update.descriptor;
  if ((o.package ?? '') !== (u.package ?? '')) ctx.add('PACKAGE_CHANGED');
  const oPrefix = o.package ? `${o.package}.` : '';
  const uPrefix = u.package ? `${u.package}.` : '';
  compareTypeElements(ctx, { msgs: o.messageType, enums: o.enumType }, { msgs: u.messageType, enums: u.enumType }, oPrefix, uPrefix);
  return ctx.diffs;
}

/** The differences that stop `reader` from reading what `writer` wrote. */
export function protobufReadable(reader: ProtobufParsedSchema, writer: ProtobufParsedSchema): ProtobufDifference[] {
  return protobufDiff(writer, reader).filter((d) => !PROTOBUF_COMPATIBLE_CHANGES.has(d.type));
}
