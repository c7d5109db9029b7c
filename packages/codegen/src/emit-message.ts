// Emits one TypeScript module per message: types, an input type (every field optional, defaults
// filled on write), and a reader/writer pair that branch on the version only where needed.
import type { FieldSpec, MessageSpec, Primitive, StructSpec } from './spec.js';
import { type VersionRange, condition, intersect, isEmpty, ALL } from './versions.js';
import { camel } from './names.js';

interface StructInfo {
  spec: StructSpec;
  typeName: string;
  /** Versions in which this struct can appear (for simplifying version checks). */
  ctx: VersionRange;
}

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

export class MessageEmitter {
  private structs = new Map<string, StructInfo>();
  private order: StructInfo[] = [];
  private out: string[] = [];

  constructor(private readonly msg: MessageSpec) {
    const top: StructSpec = { name: msg.name, versions: msg.validVersions, fields: msg.fields };
    this.register(top, msg.validVersions, msg.name);
    for (const c of msg.commonStructs) {
      this.register(c, intersect(c.versions, msg.validVersions), `${msg.name}${c.name}`);
    }
    this.collect(msg.fields, msg.validVersions);
    for (const c of msg.commonStructs) this.collect(c.fields, intersect(c.versions, msg.validVersions));
  }

  private register(spec: StructSpec, ctx: VersionRange, typeName: string): void {
    const info = { spec, typeName, ctx };
    this.structs.set(spec.name, info);
    this.order.push(info);
  }

  private collect(fields: FieldSpec[], ctx: VersionRange): void {
    for (const f of fields) {
      if (f.fields === undefined) continue;
      const el = f.type.kind === 'array' ? f.type.element : f.type;
      const inner = intersect(ctx, f.versions);
      this.register({ name: el.name, versions: f.versions, fields: f.fields }, inner, `${this.msg.name}${el.name}`);
      this.collect(f.fields, inner);
    }
  }

  private struct(name: string): StructInfo {
    const s = this.structs.get(name);
    if (s === undefined) throw new Error(`${this.msg.name}: unknown struct ${name}`);
    return s;
  }

  // ---- types ----

  private tsType(f: FieldSpec, input: boolean): string {
    const t = f.type;
    let base: string;
    if (t.kind === 'primitive') base = primitiveType(t.name, input);
    else if (t.kind === 'struct') base = this.struct(t.name).typeName + (input ? 'Input' : '');
    else {
      const el = t.element;
      const elType = el.kind === 'primitive' ? primitiveType(el.name, input) : this.struct(el.name).typeName + (input ? 'Input' : '');
      base = `${elType}[]`;
    }
    return isEmpty(f.nullableVersions) ? base : `${base} | null`;
  }

  private defaultExpr(f: FieldSpec): string {
    const t = f.type;
    const d = f.default;
    if (d === 'null') {
      if (isEmpty(f.nullableVersions)) throw new Error(`${this.msg.name}.${f.name}: null default on a non-nullable field`);
      return 'null';
    }
    if (t.kind === 'array') {
      if (d !== undefined && d !== '') throw new Error(`${this.msg.name}.${f.name}: arrays take no default but null`);
      return '[]';
    }
    if (t.kind === 'struct') return `default${this.struct(t.name).typeName}()`;
    switch (t.name) {
      case 'bool':
        if (d === undefined) return 'false';
        if (d === true || d === 'true') return 'true';
        if (d === false || d === 'false') return 'false';
        throw new Error(`${this.msg.name}.${f.name}: bad bool default`);
      case 'int8': case 'int16': case 'uint16': case 'int32': case 'int64': {
        const n = d === undefined ? 0 : Number(typeof d === 'string' ? d.trim() : d);
        if (!Number.isInteger(n)) throw new Error(`${this.msg.name}.${f.name}: bad integer default ${String(d)}`);
        return t.name === 'int64' ? `${n}n` : String(n);
      }
      case 'float64': {
        const n = d === undefined ? 0 : Number(d);
        if (Number.isNaN(n)) throw new Error(`${this.msg.name}.${f.name}: bad float default`);
        return String(n);
      }
      case 'string':
        return JSON.stringify(d === undefined ? '' : String(d));
      case 'uuid':
        return JSON.stringify(ZERO_UUID);
      case 'bytes':
        return 'EMPTY_BYTES';
      case 'records':
        return isEmpty(f.nullableVersions) ? 'EMPTY_BYTES' : 'null';
    }
  }

  // ---- emission ----

  emit(): string {
    const o = this.out;
    o.push(`// Generated from ${this.msg.file} by @tideline/codegen. Do not edit.`);
    o.push(`/* eslint-disable */`);
    o.push(`import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';`);
    o.push('');
    o.push(`export const ${camel(this.msg.name)}Versions = { min: ${this.msg.validVersions.min}, max: ${this.msg.validVersions.max}, flexibleMin: ${flexMin(this.msg.flexibleVersions)} } as const;`);
    o.push('');
    for (const s of this.order) this.emitTypes(s);
    for (const s of this.order) this.emitDefault(s);
    for (const s of this.order) this.emitWriter(s);
    for (const s of this.order) this.emitReader(s);
    // Silence unused-import errors in messages that do not need every helper.
    o.push(`void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;`);
    return o.join('\n') + '\n';
  }

  private emitTypes(s: StructInfo): void {
    const o = this.out;
    for (const input of [false, true]) {
      o.push(`export interface ${s.typeName}${input ? 'Input' : ''} {`);
      for (const f of s.spec.fields) o.push(`  ${camel(f.name)}${input ? '?' : ''}: ${this.tsType(f, input)};`);
      o.push(`  unknownTaggedFields?: TaggedField[];`);
      o.push('}');
      o.push('');
    }
  }

  private emitDefault(s: StructInfo): void {
    const o = this.out;
    o.push(`export function default${s.typeName}(): ${s.typeName} {`);
    o.push(`  return {`);
    for (const f of s.spec.fields) o.push(`    ${camel(f.name)}: ${this.defaultExpr(f)},`);
    o.push(`  };`);
    o.push(`}`);
    o.push('');
  }

  private flexCond(f: FieldSpec | undefined, ctx: VersionRange): string {
    const range = f?.flexibleVersions ?? this.msg.flexibleVersions;
    const c = condition(range, ctx);
    if (f?.flexibleVersions !== undefined) return c;
    return c === 'true' || c === 'false' ? c : 'flex';
  }

  private needsFlexVar(s: StructInfo): boolean {
    return !['true', 'false'].includes(condition(this.msg.flexibleVersions, s.ctx));
  }

  private emitWriter(s: StructInfo): void {
    const o = this.out;
    const exported = s.spec.name === this.msg.name ? 'export ' : '';
    o.push(`${exported}function write${s.typeName}(w: Writer, v: number, m: ${s.typeName}Input): void {`);
    if (this.needsFlexVar(s)) o.push(`  const flex = ${condition(this.msg.flexibleVersions, s.ctx)};`);
    const tagged: string[] = [];
    for (const f of s.spec.fields) {
      const fctx = intersect(s.ctx, f.versions);
      const val = `m.${camel(f.name)} === undefined ? ${this.defaultExpr(f)} : m.${camel(f.name)}`;
      if (f.tag !== undefined) {
        const tc = condition(f.taggedVersions, s.ctx);
        if (tc === 'false') continue;
        const tctx = intersect(s.ctx, f.taggedVersions);
        tagged.push(`  if (${tc}) { const x = ${val}; if (!isDefaultValue(x, ${this.defaultExpr(f)})) tags.push([${f.tag}, (w) => { ${this.writeValue(f, 'x', tctx, 'true')} }]); }`);
        continue;
      }
      const pc = condition(f.versions, s.ctx);
      if (pc === 'false') continue;
      const body = `const x = ${val}; ${this.writeValue(f, 'x', fctx, this.flexCond(f, fctx))}`;
      o.push(pc === 'true' ? `  { ${body} }` : `  if (${pc}) { ${body} }`);
    }
    const fc = condition(this.msg.flexibleVersions, s.ctx);
    if (fc !== 'false') {
      const lines = [`  const tags: Array<[number, (w: Writer) => void]> = [];`, ...tagged, `  w.taggedFields(tags, m.unknownTaggedFields);`];
      if (fc === 'true') o.push(...lines);
      else o.push(`  if (flex) {`, ...lines.map((l) => '  ' + l), `  }`);
    }
    o.push(`}`);
    o.push('');
  }

  /** Statement(s) writing value expression `x` of field f. `flex` is 'true', 'false' or a variable name. */
  private writeValue(f: FieldSpec, x: string, ctx: VersionRange, flex: string): string {
    const nl = condition(f.nullableVersions, ctx);
    const t = f.type;
    if (t.kind === 'primitive') return this.writePrimitive(t.name, x, nl, flex);
    if (t.kind === 'struct') {
      const st = this.struct(t.name);
      const inner = `write${st.typeName}(w, v, ${x}!);`;
      if (nl === 'false') return `write${st.typeName}(w, v, ${x} ?? {});`;
      return `if (${x} === null) w.int8(-1); else { w.int8(1); ${inner} }`;
    }
    const el = t.element;
    const elWrite = el.kind === 'primitive'
      ? this.writePrimitive(el.name, 'e', 'false', flex)
      : `write${this.struct(el.name).typeName}(w, v, e);`;
    const nullLen = ternary(flex, 'w.uvarint(0)', 'w.int32(-1)');
    const loop = (a: string): string =>
      `${ternary(flex, `w.uvarint(${a}.length + 1)`, `w.int32(${a}.length)`)}; for (const e of ${a}) { ${elWrite} }`;
    if (nl === 'false') return `{ const a = ${x} ?? []; ${loop('a')} }`;
    return `if (${x} === null) ${nullLen}; else { ${loop(x)} }`;
  }

  private writePrimitive(p: Primitive, x: string, nl: string, flex: string): string {
    const variants = (classic: string, compact: string, classicNull: string, compactNull: string): string => {
      const nonNull = ternary(flex, `w.${compact}(${x} ?? ${p === 'string' ? "''" : 'EMPTY_BYTES'})`, `w.${classic}(${x} ?? ${p === 'string' ? "''" : 'EMPTY_BYTES'})`);
      const nullable = ternary(flex, `w.${compactNull}(${x})`, `w.${classicNull}(${x})`);
      return `${ternary(nl, nullable, nonNull)};`;
    };
    switch (p) {
      case 'bool': return `w.bool(${x});`;
      case 'int8': case 'int16': case 'uint16': case 'int32': case 'int64': case 'float64': case 'uuid':
        return `w.${p}(${x});`;
      case 'string': return variants('string', 'compactString', 'nullableString', 'compactNullableString');
      case 'bytes': return variants('bytes', 'compactBytes', 'nullableBytes', 'compactNullableBytes');
      case 'records': return `writeRecords(w, ${x}, ${flex});`;
    }
  }

  private emitReader(s: StructInfo): void {
    const o = this.out;
    const exported = s.spec.name === this.msg.name ? 'export ' : '';
    o.push(`${exported}function read${s.typeName}(r: Reader, v: number): ${s.typeName} {`);
    if (this.needsFlexVar(s)) o.push(`  const flex = ${condition(this.msg.flexibleVersions, s.ctx)};`);
    const names: string[] = [];
    for (const f of s.spec.fields) {
      const local = `f${f.name}`;
      names.push(`${camel(f.name)}: ${local}`);
      const pc = f.tag !== undefined ? 'false' : condition(f.versions, s.ctx);
      const def = this.defaultExpr(f);
      const ty = this.tsType(f, false);
      if (pc === 'false') o.push(`  const ${local}: ${ty} = ${def};`);
      else {
        const expr = this.readValue(f, intersect(s.ctx, f.versions), this.flexCond(f, intersect(s.ctx, f.versions)));
        o.push(pc === 'true' ? `  const ${local}: ${ty} = ${expr};` : `  const ${local}: ${ty} = (${pc}) ? ${expr} : ${def};`);
      }
    }
    o.push(`  const m: ${s.typeName} = { ${names.join(', ')} };`);
    const fc = condition(this.msg.flexibleVersions, s.ctx);
    if (fc !== 'false') {
      const cases: string[] = [];
      for (const f of s.spec.fields) {
        if (f.tag === undefined) continue;
        const tc = condition(f.taggedVersions, s.ctx);
        if (tc === 'false') continue;
        const tctx = intersect(s.ctx, f.taggedVersions);
        const expr = this.readValue(f, tctx, 'true', 't');
        cases.push(`      case ${f.tag}: if (${tc}) { m.${camel(f.name)} = ${expr}; return true; } return false;`);
      }
      const lines = cases.length === 0
        ? [`  const u = r.taggedFields(null);`]
        : [`  const u = r.taggedFields((tag, t) => {`, `    switch (tag) {`, ...cases, `      default: return false;`, `    }`, `  });`];
      lines.push(`  if (u !== undefined) m.unknownTaggedFields = u;`);
      if (fc === 'true') o.push(...lines);
      else o.push(`  if (flex) {`, ...lines.map((l) => '  ' + l), `  }`);
    }
    o.push(`  return m;`);
    o.push(`}`);
    o.push('');
  }

  private readValue(f: FieldSpec, ctx: VersionRange, flex: string, r = 'r'): string {
    const nl = condition(f.nullableVersions, ctx);
    const t = f.type;
    if (t.kind === 'primitive') return this.readPrimitive(t.name, nl, flex, r);
    if (t.kind === 'struct') {
      const st = this.struct(t.name);
      if (nl === 'false') return `read${st.typeName}(${r}, v)`;
      return `(${r}.int8() < 0 ? ${nl === 'true' ? 'null' : `nullOr(${nl}, '${f.name}')`} : read${st.typeName}(${r}, v))`;
    }
    const el = t.element;
    const elRead = el.kind === 'primitive' ? this.readPrimitive(el.name, 'false', flex, r) : `read${this.struct(el.name).typeName}(${r}, v)`;
    const len = ternary(flex, `${r}.compactArrayLength()`, `${r}.arrayLength()`);
    const onNull = nl === 'true' ? 'null' : nl === 'false' ? `nullErr('${f.name}')` : `nullOr(${nl}, '${f.name}')`;
    return `((n: number) => { if (n < 0) return ${onNull}; const a = []; for (let i = 0; i < n; i++) a.push(${elRead}); return a; })(${len})`;
  }

  private readPrimitive(p: Primitive, nl: string, flex: string, r: string): string {
    const variants = (classic: string, compact: string, classicNull: string, compactNull: string): string => {
      const nonNull = ternary(flex, `${r}.${compact}()`, `${r}.${classic}()`);
      const nullable = ternary(flex, `${r}.${compactNull}()`, `${r}.${classicNull}()`);
      return ternary(nl, nullable, nonNull);
    };
    switch (p) {
      case 'bool': return `${r}.bool()`;
      case 'int8': case 'int16': case 'uint16': case 'int32': case 'int64': case 'float64': case 'uuid':
        return `${r}.${p}()`;
      case 'string': return variants('string', 'compactString', 'nullableString', 'compactNullableString');
      case 'bytes': return variants('bytes', 'compactBytes', 'nullableBytes', 'compactNullableBytes');
      case 'records': return variants('bytes', 'compactBytes', 'nullableBytes', 'compactNullableBytes');
    }
  }
}

function ternary(cond: string, a: string, b: string): string {
  if (cond === 'true') return a;
  if (cond === 'false') return b;
  return `(${cond} ? ${a} : ${b})`;
}

function primitiveType(p: Primitive, input: boolean): string {
  switch (p) {
    case 'bool': return 'boolean';
    case 'int8': case 'int16': case 'uint16': case 'int32': case 'float64': return 'number';
    case 'int64': return 'bigint';
    case 'string': case 'uuid': return 'string';
    case 'bytes': return 'Buffer';
    case 'records': return input ? 'Buffer | readonly Buffer[]' : 'Buffer';
  }
}

export function flexMin(r: VersionRange): number {
  return isEmpty(r) ? -1 : r.min;
}

export { ALL };
