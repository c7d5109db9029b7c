// tide schema register|get|list|versions|delete|check|config|mode: the schema registry's REST API
// from the command line. Schemas are read from files (or - for stdin); the type follows the file
// extension (.avsc AVRO, .json JSON, .proto PROTOBUF) unless --type says otherwise.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CliError } from '../errors.js';
import { formatError } from '../errors.js';
import { keyValues, table, toJson, type Io, type OutputFormat } from '../output.js';
import { collect, formatOption, parseIntArg } from './common.js';

const DEFAULT_URL = 'http://127.0.0.1:8081';
const TYPES = ['AVRO', 'JSON', 'PROTOBUF'] as const;
type SchemaType = (typeof TYPES)[number];

interface SchemaGlobals {
  registry?: string;
  registryAuth?: string;
}

/** A registry answer that is not a success: Confluent's error code and message. */
class RegistryCallError extends CliError {}

class RegistryCaller {
  constructor(readonly url: string, private readonly auth: string | undefined) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/vnd.schemaregistry.v1+json, application/json' };
    if (body !== undefined) headers['content-type'] = 'application/vnd.schemaregistry.v1+json';
    if (this.auth !== undefined) headers['authorization'] = `Basic ${Buffer.from(this.auth, 'utf8').toString('base64')}`;
    let res: Response;
    try {
      res = await fetch(this.url.replace(/\/+$/, '') + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new CliError(`cannot reach the schema registry at ${this.url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`,
        ['start one with `tide dev` or `tide registry start`, or point --registry (or $TIDE_REGISTRY_URL) at it']);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // a raw schema
    }
    if (!res.ok) {
      const e = parsed as { error_code?: number; message?: string } | null;
      throw new RegistryCallError(`schema registry: ${e?.message ?? text} (error ${e?.error_code ?? res.status})`);
    }
    return parsed as T;
  }
}

async function withRegistry(cmd: Command, io: Io, fn: (r: RegistryCaller) => Promise<void>): Promise<void> {
  try {
    const g = cmd.optsWithGlobals<SchemaGlobals>();
    const url = g.registry ?? process.env['TIDE_REGISTRY_URL'] ?? DEFAULT_URL;
    const auth = g.registryAuth ?? process.env['TIDE_REGISTRY_AUTH'];
    await fn(new RegistryCaller(url, auth === '' ? undefined : auth));
  } catch (e) {
    for (const line of formatError(e)) io.err(line);
    process.exitCode = 1;
  }
}

function readSchemaFile(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read schema ${path}: ${(e as Error).message}`);
  }
}

function schemaTypeOf(path: string, given: string | undefined): SchemaType {
  if (given !== undefined) return given.toUpperCase() as SchemaType;
  const ext = extname(path).toLowerCase();
  if (ext === '.proto') return 'PROTOBUF';
  if (ext === '.json') return 'JSON';
  return 'AVRO';
}

/** name=subject:version */
function parseReference(spec: string): { name: string; subject: string; version: number } {
  const m = /^(.+)=(.+):(-?\d+)$/.exec(spec);
  if (m === null) throw new InvalidArgumentError(`reference ${JSON.stringify(spec)} is not NAME=SUBJECT:VERSION`);
  return { name: m[1]!, subject: m[2]!, version: Number(m[3]) };
}

function schemaBody(o: { schema: string; type?: string; reference?: string[]; metadata?: string; ruleSet?: string }): Record<string, unknown> {
  const type = schemaTypeOf(o.schema, o.type);
  const body: Record<string, unknown> = { schema: readSchemaFile(o.schema) };
  if (type !== 'AVRO') body['schemaType'] = type;
  const refs = (o.reference ?? []).map(parseReference);
  if (refs.length > 0) body['references'] = refs;
  const json = (file: string, what: string): unknown => {
    try {
      return JSON.parse(readSchemaFile(file)) as unknown;
    } catch (e) {
      throw new CliError(`${what} ${file}: ${(e as Error).message}`);
    }
  };
  if (o.metadata !== undefined) body['metadata'] = json(o.metadata, '--metadata');
  if (o.ruleSet !== undefined) body['ruleSet'] = json(o.ruleSet, '--rule-set');
  return body;
}

const enc = encodeURIComponent;
const typeOption = (): Option => new Option('--type <type>', 'schema type (default: from the file extension: .proto PROTOBUF, .json JSON, else AVRO)').choices([...TYPES, ...TYPES.map((t) => t.toLowerCase())]);

interface SchemaAnswer {
  subject?: string;
  version?: number;
  id?: number;
  schemaType?: string;
  references?: Array<{ name: string; subject: string; version: number }>;
  schema: string;
}

function print(io: Io, format: OutputFormat, json: unknown, lines: () => string[]): void {
  if (format === 'json') io.out(toJson(json, 2));
  else for (const l of lines()) io.out(l);
}

export function schemaCommand(io: Io): Command {
  const schema = new Command('schema')
    .description('register, inspect and evolve schemas in the schema registry')
    .option('--registry <url>', `schema registry URL (default: $TIDE_REGISTRY_URL, then ${DEFAULT_URL})`)
    .option('--registry-auth <user:password>', 'basic auth credentials (default: $TIDE_REGISTRY_AUTH)');

  schema
    .command('register <subject>')
    .description('register a schema under a subject (prints its id)')
    .requiredOption('--schema <file>', 'schema file, or - for stdin')
    .addOption(typeOption())
    .option('--reference <name=subject:version>', 'a schema reference (repeatable)', collect)
    .option('--metadata <file>', 'data-contract metadata (JSON)')
    .option('--rule-set <file>', 'data-contract rule set (JSON)')
    .option('--normalize', 'store the normalized form')
    .addOption(formatOption())
    .action((subject: string, o: { schema: string; type?: string; reference?: string[]; metadata?: string; ruleSet?: string; normalize?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const n = o.normalize === true ? '?normalize=true' : '';
        const body = schemaBody(o);
        const res = await r.call<{ id: number; version?: number; guid?: string }>('POST', `/subjects/${enc(subject)}/versions${n}`, body);
        // Registries before Confluent Platform 8 answer only the id: ask for the version.
        const version = res.version ?? (await r.call<SchemaAnswer>('POST', `/subjects/${enc(subject)}${n}`, body).catch(() => null))?.version ?? null;
        const doc = { subject, id: res.id, version, ...(res.guid !== undefined ? { guid: res.guid } : {}) };
        print(io, o.format, doc, () => keyValues([['SUBJECT', subject], ['ID', res.id], ['VERSION', version], ['GUID', res.guid]]));
      }));

  schema
    .command('get [subject]')
    .description('a schema by subject and version (default latest), or by --id')
    .option('--version <n|latest>', 'version', 'latest')
    .option('--id <id>', 'a schema id instead of a subject', parseIntArg('--id', 1))
    .addOption(formatOption())
    .action((subject: string | undefined, o: { version: string; id?: number; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        let s: SchemaAnswer;
        if (o.id !== undefined) {
          s = await r.call<SchemaAnswer>('GET', `/schemas/ids/${o.id}${subject !== undefined ? `?subject=${enc(subject)}` : ''}`);
          s = { id: o.id, ...s };
        } else {
          if (subject === undefined) throw new CliError('give a subject or --id');
          s = await r.call<SchemaAnswer>('GET', `/subjects/${enc(subject)}/versions/${enc(o.version)}`);
        }
        print(io, o.format, s, () => [
          ...keyValues([['SUBJECT', s.subject], ['VERSION', s.version], ['ID', s.id], ['TYPE', s.schemaType ?? 'AVRO'],
            ...((s.references ?? []).map((x) => ['REFERENCE', `${x.name}=${x.subject}:${x.version}`] as [string, string]))]),
          '',
          s.schemaType === 'PROTOBUF' ? s.schema : prettyJson(s.schema),
        ]);
      }));

  schema
    .command('list')
    .description('subjects')
    .option('--prefix <prefix>', 'only subjects starting with it')
    .option('--deleted', 'include soft-deleted subjects')
    .addOption(formatOption())
    .action((o: { prefix?: string; deleted?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const q = new URLSearchParams();
        if (o.prefix !== undefined) q.set('subjectPrefix', o.prefix);
        if (o.deleted === true) q.set('deleted', 'true');
        const subjects = await r.call<string[]>('GET', `/subjects${q.size > 0 ? `?${q}` : ''}`);
        print(io, o.format, subjects, () => table(['subject'], subjects.map((s) => [s])));
      }));

  schema
    .command('versions <subject>')
    .description('the versions of a subject, with their ids')
    .option('--deleted', 'include soft-deleted versions')
    .addOption(formatOption())
    .action((subject: string, o: { deleted?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const d = o.deleted === true ? '?deleted=true' : '';
        const versions = await r.call<number[]>('GET', `/subjects/${enc(subject)}/versions${d}`);
        const rows = await Promise.all(versions.map((v) => r.call<SchemaAnswer>('GET', `/subjects/${enc(subject)}/versions/${v}${d}`)));
        const docs = rows.map((s) => ({ version: s.version, id: s.id, schemaType: s.schemaType ?? 'AVRO' }));
        print(io, o.format, docs, () => table(['version', 'id', 'type'], docs.map((x) => [x.version, x.id, x.schemaType])));
      }));

  schema
    .command('delete <subject>')
    .description('soft-delete a subject (or one --version); --permanent after a soft delete removes it for good')
    .option('--version <n|latest>', 'one version only')
    .option('--permanent', 'hard delete (the subject or version must be soft-deleted first)')
    .addOption(formatOption())
    .action((subject: string, o: { version?: string; permanent?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const p = o.permanent === true ? '?permanent=true' : '';
        const res = o.version !== undefined
          ? [await r.call<number>('DELETE', `/subjects/${enc(subject)}/versions/${enc(o.version)}${p}`)]
          : await r.call<number[]>('DELETE', `/subjects/${enc(subject)}${p}`);
        print(io, o.format, { subject, deleted: res, permanent: o.permanent === true }, () => [`${o.permanent === true ? 'permanently deleted' : 'deleted'} ${subject} versions ${res.join(', ')}`]);
      }));

  schema
    .command('check <subject>')
    .description('is a schema compatible with the subject (under its compatibility level)? Exit code 1 when not')
    .requiredOption('--schema <file>', 'schema file, or - for stdin')
    .addOption(typeOption())
    .option('--reference <name=subject:version>', 'a schema reference (repeatable)', collect)
    .option('--version <n|latest>', 'check against one version only (default: the versions the level asks for)')
    .addOption(formatOption())
    .action((subject: string, o: { schema: string; type?: string; reference?: string[]; version?: string; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const path = `/compatibility/subjects/${enc(subject)}/versions${o.version !== undefined ? `/${enc(o.version)}` : ''}?verbose=true`;
        const res = await r.call<{ is_compatible: boolean; messages?: string[] }>('POST', path, schemaBody(o));
        print(io, o.format, res, () => [res.is_compatible ? 'compatible' : 'NOT compatible', ...(res.messages ?? []).map((m) => `  ${m}`)]);
        if (!res.is_compatible) process.exitCode = 1;
      }));

  schema
    .command('config [subject]')
    .description('show or change the compatibility level (global, or of a subject)')
    .addOption(new Option('--set <level>', 'new level').choices(['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE']).argParser((v) => v.toUpperCase()))
    .option('--delete', 'remove the subject\'s own level (it falls back to the global one)')
    .addOption(formatOption())
    .action((subject: string | undefined, o: { set?: string; delete?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const path = subject === undefined ? '/config' : `/config/${enc(subject)}`;
        let level: string;
        if (o.set !== undefined) level = (await r.call<{ compatibility: string }>('PUT', path, { compatibility: o.set })).compatibility;
        else if (o.delete === true) level = (await r.call<{ compatibilityLevel: string }>('DELETE', path)).compatibilityLevel;
        else level = (await r.call<{ compatibilityLevel: string }>('GET', subject === undefined ? path : `${path}?defaultToGlobal=true`)).compatibilityLevel;
        const doc = { subject: subject ?? null, compatibilityLevel: level };
        print(io, o.format, doc, () => keyValues([['SUBJECT', subject ?? '(global)'], [o.delete === true ? 'REMOVED' : 'COMPATIBILITY', level]]));
      }));

  schema
    .command('mode [subject]')
    .description('show or change the mode (READWRITE, READONLY, READONLY_OVERRIDE, IMPORT), global or of a subject')
    .addOption(new Option('--set <mode>', 'new mode').choices(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT']).argParser((v) => v.toUpperCase()))
    .option('--force', 'allow IMPORT while subjects exist')
    .option('--delete', 'remove the subject\'s own mode')
    .addOption(formatOption())
    .action((subject: string | undefined, o: { set?: string; force?: boolean; delete?: boolean; format: OutputFormat }, cmd: Command) =>
      withRegistry(cmd, io, async (r) => {
        const path = subject === undefined ? '/mode' : `/mode/${enc(subject)}`;
        let mode: string;
        if (o.set !== undefined) mode = (await r.call<{ mode: string }>('PUT', `${path}${o.force === true ? '?force=true' : ''}`, { mode: o.set })).mode;
        else if (o.delete === true) mode = (await r.call<{ mode: string }>('DELETE', path)).mode;
        else mode = (await r.call<{ mode: string }>('GET', subject === undefined ? path : `${path}?defaultToGlobal=true`)).mode;
        const doc = { subject: subject ?? null, mode };
        print(io, o.format, doc, () => keyValues([['SUBJECT', subject ?? '(global)'], [o.delete === true ? 'REMOVED' : 'MODE', mode]]));
      }));
  return schema;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
