/**
 * Python's `json.dumps` output, byte for byte (default separators `", "` / `": "`, `ensure_ascii`),
 * because the AWS CLI names cache files by hashing it and writes cache files with it. No npm package
 * reproduces Python's escaping rules, so this is hand-written and small.
 */
export type PyJson = string | number | boolean | null | PyJson[] | { [key: string]: PyJson | undefined };

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Python escapes everything outside printable ASCII (0x20–0x7e) as \uXXXX, per UTF-16 unit. */
function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    const short = shortEscapes[ch];
    if (short) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** `compact`: `separators=(',', ':')`, as botocore uses for the role-credential cache key. */
export function pyJsonDumps(value: PyJson, opts: { sortKeys?: boolean; compact?: boolean } = {}): string {
  const [item, colon] = opts.compact ? [',', ':'] : [', ', ': '];
  if (value === null) return 'null';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError('pyJsonDumps writes integers only');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => pyJsonDumps(v, opts)).join(item)}]`;
  let keys = Object.keys(value).filter((k) => value[k] !== undefined);
  // Python sorts by code point; JS's default sort compares UTF-16 units, identical for the BMP keys we use.
  if (opts.sortKeys) keys = [...keys].sort();
  return `{${keys.map((k) => `${pyString(k)}${colon}${pyJsonDumps(value[k]!, opts)}`).join(item)}}`;
}
