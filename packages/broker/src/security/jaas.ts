// Kafka's sasl.jaas.config value: one or more JAAS login module entries,
//   <LoginModuleClass> <required|requisite|sufficient|optional> [name=value ...];
// where a value is a double-quoted string (with \" and \\ escapes) or a bare token. Used for
// PlainLoginModule's `user_<name>="<password>"` entries and OAUTHBEARER's options.

export class JaasSyntaxError extends Error {}

export interface JaasEntry {
  readonly loginModule: string;
  readonly flag: 'required' | 'requisite' | 'sufficient' | 'optional';
  readonly options: ReadonlyMap<string, string>;
}

const FLAGS = new Set(['required', 'requisite', 'sufficient', 'optional']);

export function parseJaasConfig(text: string): JaasEntry[] {
  const toks = tokenize(text);
  const entries: JaasEntry[] = [];
  let i = 0;
  const next = (what: string): { t: string; quoted: boolean } => {
    const tok = toks[i++];
    if (tok === undefined) throw new JaasSyntaxError(`sasl.jaas.config: expected ${what}, found the end`);
    return tok;
  };
  while (i < toks.length) {
    const mod = next('a login module class');
    if (mod.quoted || mod.t === ';' || mod.t === '=') throw new JaasSyntaxError(`sasl.jaas.config: expected a login module class, found ${JSON.stringify(mod.t)}`);
    const flag = next('a control flag');
    if (flag.quoted || !FLAGS.has(flag.t.toLowerCase())) throw new JaasSyntaxError(`sasl.jaas.config: invalid control flag ${JSON.stringify(flag.t)} after ${mod.t}`);
    const options = new Map<string, string>();
    for (;;) {
      const k = next("an option or ';'");
      if (!k.quoted && k.t === ';') break;
      if (k.quoted || k.t === '=') throw new JaasSyntaxError(`sasl.jaas.config: expected an option name, found ${JSON.stringify(k.t)}`);
      const eq = next("'='");
      if (eq.quoted || eq.t !== '=') throw new JaasSyntaxError(`sasl.jaas.config: expected '=' after ${k.t}`);
      const v = next(`a value for ${k.t}`);
      if (!v.quoted && (v.t === ';' || v.t === '=')) throw new JaasSyntaxError(`sasl.jaas.config: expected a value for ${k.t}`);
      options.set(k.t, v.t);
    }
    entries.push({ loginModule: mod.t, flag: flag.t.toLowerCase() as JaasEntry['flag'], options });
  }
  if (entries.length === 0) throw new JaasSyntaxError('sasl.jaas.config: no login module');
  return entries;
}

function tokenize(s: string): Array<{ t: string; quoted: boolean }> {
  const out: Array<{ t: string; quoted: boolean }> = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === ';' || c === '=') {
      out.push({ t: c, quoted: false });
      i++;
    } else if (c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new JaasSyntaxError('sasl.jaas.config: unterminated quoted string');
        const d = s[i]!;
        if (d === '\\' && i + 1 < s.length) {
          v += s[i + 1]!;
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          v += d;
          i++;
        }
      }
      out.push({ t: v, quoted: true });
    } else {
      let v = '';
      while (i < s.length && !/[\s;="]/.test(s[i]!)) v += s[i++]!;
      out.push({ t: v, quoted: false });
    }
  }
  return out;
}

/** PlainLoginModule's users: every `user_<name>` option. */
export function plainUsersOf(entries: readonly JaasEntry[]): Record<string, string> {
  const users: Record<string, string> = {};
  for (const e of entries) for (const [k, v] of e.options) if (k.startsWith('user_') && k.length > 5) users[k.slice(5)] = v;
  return users;
}
