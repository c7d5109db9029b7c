// Data-contract rules (Confluent's `ruleSet.domainRules`) that the serdes enforce: CONDITION rules
// of type CEL (the expression sees the record as `message`) and CEL_FIELD (run once per top-level
// field with `name`, `value`, `typeName` and `message`; a rule with `tags` only on fields tagged so in
// the schema's `metadata.tags`). Confluent's guard form `guard; expr` skips the rule when the guard
// is false. Expressions are compiled once (with @bufbuild/cel, the library Confluent's JS client
// uses) and cached per expression. TRANSFORM rules and other types are left to the application:
// a serde given one with onFailure ERROR refuses to start rather than silently skip it.
import { celEnv, parse, plan, isCelError } from '@bufbuild/cel';
import type { Rule, RuleSet, SchemaInfo } from '../client.js';
import { Lru } from './lru.js';
import { RuleViolationError, SerdeError } from './errors.js';

export type RuleDirection = 'WRITE' | 'READ';

type Program = (args: Record<string, unknown>) => unknown;

const env = celEnv({});
const programs = new Lru<string, Program>(1000);

function program(expr: string): Program {
  let p = programs.get(expr);
  if (p === undefined) {
    try {
      p = plan(env, parse(expr)) as unknown as Program;
    } catch (err) {
      throw new SerdeError('INVALID_SCHEMA', `CEL expression ${JSON.stringify(expr)} does not compile: ${(err as Error).message}`, { cause: err });
    }
    programs.set(expr, p);
  }
  return p;
}

interface CompiledRule {
  rule: Rule;
  guard: Program | null;
  body: Program;
  field: boolean;
  /** CEL_FIELD with tags: the field names it applies to. */
  fields: Set<string> | null;
  /** onFailure NONE: evaluated but never refuses. */
  lenient: boolean;
}

function appliesTo(rule: Rule, dir: RuleDirection): boolean {
  const mode = rule.mode ?? 'WRITEREAD';
  return mode === dir || mode === 'WRITEREAD';
}

function onFailure(rule: Rule, dir: RuleDirection): string {
  const f = rule.onFailure ?? 'ERROR';
  const parts = f.split(',');
  return (parts.length === 2 && rule.mode === 'WRITEREAD' ? parts[dir === 'WRITE' ? 0 : 1]! : f).trim();
}

function taggedFields(info: SchemaInfo, tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const [path, fieldTags] of Object.entries(info.metadata?.tags ?? {})) {
    if (fieldTags.some((t) => tags.includes(t))) out.add(path.slice(path.lastIndexOf('.') + 1));
  }
  return out;
}

/** The compiled CONDITION rules of a schema for one direction (empty when it has none). */
export class RuleRunner {
  private constructor(private readonly rules: CompiledRule[], private readonly subject: string) {}

  static compile(info: SchemaInfo, subject: string, dir: RuleDirection): RuleRunner {
    const out: CompiledRule[] = [];
    for (const rule of (info.ruleSet as RuleSet | undefined)?.domainRules ?? []) {
      if (rule.disabled === true || !appliesTo(rule, dir)) continue;
      const type = (rule.type ?? '').toUpperCase();
      const kind = rule.kind ?? 'TRANSFORM';
      const supported = kind === 'CONDITION' && (type === 'CEL' || type === 'CEL_FIELD');
      if (!supported) {
        if (onFailure(rule, dir) === 'NONE') continue;
        throw new SerdeError('CONFIG', `rule ${rule.name}: ${kind} rules of type ${rule.type} are not enforced by these serdes (only CONDITION rules of type CEL and CEL_FIELD)`);
      }
      const expr = rule.expr ?? 'true';
      const semi = expr.indexOf(';');
      const guard = semi >= 0 && expr.slice(0, semi).trim() !== '' ? program(expr.slice(0, semi)) : null;
      const body = program(semi >= 0 ? expr.slice(semi + 1) : expr);
      const fields = type === 'CEL_FIELD' && (rule.tags?.length ?? 0) > 0 ? taggedFields(info, rule.tags!) : null;
      out.push({ rule, guard, body, field: type === 'CEL_FIELD', fields, lenient: onFailure(rule, dir) === 'NONE' });
    }
    return new RuleRunner(out, subject);
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Throws RuleViolationError naming the first rule the value breaks. */
  check(raw: unknown): void {
    const value = celInput(raw);
    for (const r of this.rules) {
      if (r.field) {
        if (typeof value !== 'object' || value === null) continue;
        for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
          if (r.fields !== null && !r.fields.has(name)) continue;
          this.one(r, { message: value, name, value: v, typeName: typeNameOf(v) }, ` (field ${name})`);
        }
      } else {
        this.one(r, { message: value }, '');
      }
    }
  }

  private one(r: CompiledRule, args: Record<string, unknown>, where: string): void {
    if (r.guard !== null && r.guard(args) !== true) return;
    let result: unknown;
    try {
      result = r.body(args);
    } catch (err) {
      result = err;
    }
    if (result === true || r.lenient) return;
    const why = isCelError(result) || result instanceof Error ? `: ${(result as Error).message}` : '';
    throw new RuleViolationError(r.rule.name, r.rule.expr ?? '', this.subject,
      `record breaks rule ${r.rule.name} of subject ${this.subject}${where}: ${r.rule.expr ?? ''} is ${why === '' ? String(result) : `an error${why}`}`);
  }
}

/**
 * The value as @bufbuild/cel takes it: it reads plain objects (constructor Object), arrays, Maps
 * and bytes, not class instances such as avsc's decoded records, so those become plain objects.
 */
function celInput(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(celInput);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, celInput(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = celInput(x);
  return out;
}

function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return 'STRING';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'bigint') return 'LONG';
  if (typeof v === 'number') return Number.isInteger(v) ? 'INT' : 'DOUBLE';
  if (Buffer.isBuffer(v)) return 'BYTES';
  if (Array.isArray(v)) return 'ARRAY';
  return 'RECORD';
}
