// ssl.principal.mapping.rules: the principal name of an mTLS client from its certificate's
// subject DN, in Kafka's syntax — a comma-separated list of `RULE:pattern/replacement/[LU]` and
// `DEFAULT`. Rules are tried in order; a RULE applies when its pattern matches the whole DN and
// yields the replacement ($1.. for groups), lower- or upper-cased with /L or /U; DEFAULT yields
// the DN itself. No applicable rule is an error (the connection is refused). A pattern or
// replacement may contain commas and `\/` for a slash.

type Rule = { kind: 'default' } | { kind: 'rule'; pattern: RegExp; source: string; replacement: string; caseFold: '' | 'L' | 'U' };

export class PrincipalMappingError extends Error {}

export class SslPrincipalMapper {
  private constructor(private readonly rules: readonly Rule[]) {}

  /** Parses `rules` (default: DEFAULT); throws PrincipalMappingError naming the bad rule. */
  static fromRules(rules: string | undefined): SslPrincipalMapper {
    return new SslPrincipalMapper(parseRules(rules === undefined || rules.trim() === '' ? 'DEFAULT' : rules));
  }

  /** The principal name for `dn` (RFC 2253 form); throws PrincipalMappingError when no rule applies. */
  name(dn: string): string {
    for (const r of this.rules) {
      if (r.kind === 'default') return dn;
      const m = r.pattern.exec(dn);
      if (m === null) continue;
      let out = dn.replace(r.pattern, r.replacement);
      if (r.caseFold === 'L') out = out.toLowerCase();
      else if (r.caseFold === 'U') out = out.toUpperCase();
      return out;
    }
    throw new PrincipalMappingError(`No rules apply to ${dn}, rules ${this.rules.map((r) => (r.kind === 'default' ? 'DEFAULT' : `RULE:${r.source}`)).join(',')}`);
  }
}

/** Reads up to the next unescaped '/', unescaping `\/`; other escapes are kept for the regex. */
function readPart(s: string, i: number): { text: string; end: number } | null {
  let text = '';
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      text += s[i + 1] === '/' ? '/' : c + s[i + 1]!;
      i += 2;
      continue;
    }
    if (c === '/') return { text, end: i };
    text += c;
    i++;
  }
  return null;
}

function parseRules(s: string): Rule[] {
  const rules: Rule[] = [];
  let i = 0;
  const skipWs = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  for (;;) {
    skipWs();
    const start = i;
    if (s.startsWith('DEFAULT', i)) {
      rules.push({ kind: 'default' });
      i += 'DEFAULT'.length;
    } else if (s.startsWith('RULE:', i)) {
      const p = readPart(s, i + 5);
      const r = p === null ? null : readPart(s, p.end + 1);
      if (p === null || r === null) throw new PrincipalMappingError(`Invalid rule: ${s.slice(start)}`);
      i = r.end + 1;
      let caseFold: '' | 'L' | 'U' = '';
      if (s[i] === 'L' || s[i] === 'U') caseFold = s[i++] as 'L' | 'U';
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${p.text})$`, 'su');
      } catch (err) {
        throw new PrincipalMappingError(`Invalid rule: bad pattern ${p.text}: ${(err as Error).message}`);
      }
      rules.push({ kind: 'rule', pattern, source: `${p.text}/${r.text}/${caseFold}`, replacement: javaReplacement(r.text), caseFold });
    } else {
      throw new PrincipalMappingError(`Invalid rule: ${s.slice(start)}`);
    }
    skipWs();
    if (i >= s.length) break;
    if (s[i] !== ',') throw new PrincipalMappingError(`Invalid rule: ${s.slice(start)}`);
    i++;
  }
  return rules;
}

/** Java's replacement syntax ($n groups, \x a literal x) as a String.replace replacement. */
function javaReplacement(r: string): string {
  let out = '';
  for (let i = 0; i < r.length; i++) {
    const c = r[i]!;
    if (c === '\\' && i + 1 < r.length) {
      const n = r[++i]!;
      out += n === '$' ? '$$' : n;
    } else out += c;
  }
  return out;
}

/**
 * A certificate subject as Node prints it (X509Certificate.subject: one `type=value` per line,
 * the most significant first, values already escaped per RFC 2253) in RFC 2253 order: the most
 * specific attribute first, comma-separated — the form Java's X500Principal.getName() gives and
 * Kafka's rules match against.
 */
export function distinguishedName(subject: string): string {
  return subject.split('\n').filter((l) => l !== '').reverse().join(',');
}
