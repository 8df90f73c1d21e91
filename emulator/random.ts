import { randomBytes } from 'node:crypto';

/** A seeded pseudo-random source: the same seed gives the same org, faults and latencies, run after run. */
export type Rng = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };

// mulberry32: tiny, fast and good enough for test scenarios; not for secrets (those use node:crypto).
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return { next, int, pick };
}

const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// User codes avoid letters people misread (I, O, 0, 1 never appear), like the real service's XXXX-XXXX.
const userCodeAlphabet = 'BCDFGHJKLMNPQRSTVWXZ';

function fromAlphabet(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export function opaque(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export function userCode(): string {
  const raw = fromAlphabet(userCodeAlphabet, 8);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** Client ids look like the real ones: 16 random bytes followed by the region name, base64url without padding. */
export function clientId(region: string): string {
  return Buffer.concat([randomBytes(16), Buffer.from(region)]).toString('base64url');
}

export function accessKeyId(): string {
  return 'ASIA' + fromAlphabet(upperAlnum, 16);
}
