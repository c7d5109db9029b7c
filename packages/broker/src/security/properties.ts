// Java-style `.properties` text (what Kafka's server.properties is): `#`/`!` comment lines,
// `key=value`, `key: value` or `key value`, a line ending in an odd number of backslashes
// continues on the next (leading whitespace of the next line dropped), and the escapes \t \n \r
// \f \uXXXX (any other `\x` is `x`). Later duplicates win, as in java.util.Properties. Pure: the
// caller reads the file.

export class PropertiesSyntaxError extends Error {}

/** Parses properties text into an ordered map (insertion order of first appearance). */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const startLine = i + 1;
    // Join continuation lines: an odd count of trailing backslashes escapes the line break.
    while (trailingBackslashes(line) % 2 === 1) {
      line = line.slice(0, -1);
      i++;
      if (i >= lines.length) break;
      line += lines[i]!.replace(/^[ \t\f]+/, '');
    }
    const { key, value } = splitKeyValue(line);
    out.set(unescape(key, startLine), unescape(value, startLine));
  }
  return out;
}

function trailingBackslashes(s: string): number {
  let n = 0;
  for (let j = s.length - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n;
}

/** The key ends at the first unescaped '=', ':' or whitespace; whitespace and one '='/':' separate it from the value. */
function splitKeyValue(line: string): { key: string; value: string } {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
    i++;
  }
  const key = line.slice(0, Math.min(i, line.length));
  let j = i;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t' || line[j] === '\f')) j++;
  if (j < line.length && (line[j] === '=' || line[j] === ':')) {
    j++;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t' || line[j] === '\f')) j++;
  }
  return { key, value: line.slice(j) };
}

function unescape(s: string, line: number): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    if (n === 't') out += '\t';
    else if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === 'f') out += '\f';
    else if (n === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PropertiesSyntaxError(`line ${line}: malformed \\uxxxx escape`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else out += n;
  }
  return out;
}
