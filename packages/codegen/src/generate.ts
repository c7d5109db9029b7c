import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRemoved, loadErrors, loadMessages } from './spec.js';
import { applyRetained, RETAINED, type Retained } from './retained.js';
import { MessageEmitter } from './emit-message.js';
import { emitApis, emitErrors, emitMessagesIndex, emitSchemas, messageFile } from './emit-tables.js';

export interface GenerateOptions {
  messagesDir: string;
  errorsFile: string;
  outDir: string;
  /** Versions kept below the specs' floors (default: RETAINED, for Kafka's own specs). */
  retained?: Readonly<Record<string, Retained>>;
}

/** Generates every codec and table into outDir (its messages/ folder is replaced). Returns the files written. */
export function generate(opts: GenerateOptions): string[] {
  const msgs = applyRetained(loadMessages(opts.messagesDir).filter((m) => !isRemoved(m)), opts.retained ?? RETAINED);
  const errors = loadErrors(opts.errorsFile);
  const msgDir = join(opts.outDir, 'messages');
  rmSync(msgDir, { recursive: true, force: true });
  mkdirSync(msgDir, { recursive: true });
  const written: string[] = [];
  const put = (path: string, text: string): void => {
    writeFileSync(path, text);
    written.push(path);
  };
  for (const m of msgs) put(join(msgDir, messageFile(m).replace(/\.js$/, '.ts')), new MessageEmitter(m).emit());
  put(join(msgDir, 'index.ts'), emitMessagesIndex(msgs));
  put(join(opts.outDir, 'apis.ts'), emitApis(msgs));
  put(join(opts.outDir, 'errors.ts'), emitErrors(errors));
  put(join(opts.outDir, 'schemas.ts'), emitSchemas(msgs));
  return written;
}

export function listGenerated(outDir: string): string[] {
  return readdirSync(join(outDir, 'messages')).map((f) => join(outDir, 'messages', f));
}
