/** `YYYY-MM-DDTHH:MM:SSZ`: what the AWS CLI and botocore write, and what every reader accepts. */
export function formatCacheTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

// Accepts what the CLI, botocore and the JS SDK have written: `Z`, `.123Z`, `+00:00`, and the
// historical `…UTC` suffix. A time without any offset is refused: botocore crashes on it and the
// JS SDK reads it as local time, so guessing would only hide a broken file.
const cacheTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|UTC|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds, or undefined when the text is not a time with an offset. */
export function parseCacheTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = cacheTime.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== 'Z' && zone !== 'UTC') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    const digits = zone!.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    check.getUTCDate() !== Number(d) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  )
    return undefined;
  return t;
}
