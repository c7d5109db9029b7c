// Option helpers shared by the commands.
import { InvalidArgumentError, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from '../output.js';

export const formatOption = (): Option =>
  new Option('--format <format>', 'output format: table for people, json for scripts').choices(OUTPUT_FORMATS).default('table' satisfies OutputFormat);

export function parseIntArg(name: string, min = 0): (v: string) => number {
  return (v) => {
    if (!/^-?\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be an integer`);
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
    return n;
  };
}

/** Collects a repeatable option into an array. */
export const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** `key=value` → [key, value]; the value may contain `=`. */
export function splitKeyValue(s: string, what: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError(`${what} ${JSON.stringify(s)} is not KEY=VALUE`);
  return [s.slice(0, i), s.slice(i + 1)];
}

export const keyValues = (list: readonly string[] | undefined, what: string): Array<[string, string]> => (list ?? []).map((s) => splitKeyValue(s, what));
