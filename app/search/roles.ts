/**
 * Fuzzy, ranked role search for the tray window: pure, so the renderer, the CLI and tests share it.
 *
 * fuzzysort scores each query word against each string. 10,000 roles hold far fewer distinct
 * strings (a few thousand accounts, a few dozen role names), so `buildRoleIndex` prepares each
 * distinct string once and `searchRoles` scores each word against those, then combines per role
 * with array lookups. A role matches when every word matches one of its fields; its score is the
 * mean of each word's best field. Highlights are computed only for the rows actually drawn.
 */
import fuzzysort from 'fuzzysort';
import type { RoleEntry } from '../domain/accounts';
import { indexesToRanges, type Range } from './highlight';
import { FIELDS, searchFields, type Prepared, type RoleIndex, type SearchField } from './role-index';

export type { Range } from './highlight';
export { buildRoleIndex, searchFields, type RoleIndex, type SearchField } from './role-index';

export type Highlights = Partial<Record<SearchField, Range[]>>;

export type RoleHit = {
  readonly key: string;
  readonly role: RoleEntry;
  /** 0 with no query; else the mean of each word's best fuzzysort score (1 is perfect). */
  readonly score: number;
  readonly favorite: boolean;
  /** Matched ranges per field, computed on first read (only drawn rows ever ask). */
  readonly highlights: Highlights;
};

export type SearchContext = {
  /** Role keys (`session/account/role`) the person starred. */
  favorites: ReadonlySet<string>;
  /** Role keys most recent first. */
  recents: readonly string[];
};

function preparedOf(index: RoleIndex, id: number): Prepared {
  const s = index.strings[id]!;
  return (s.p ??= fuzzysort.prepare(s.text));
}

export function queryWords(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean);
}

/** Below this fuzzysort score a match is noise (scattered letters across a long string). */
const threshold = 0.2;

const wordCacheSize = 64;

function scoreWord(index: RoleIndex, word: string): Float64Array {
  const cache = index.wordCache;
  const hit = cache.get(word) ?? index.charCache.get(word.toLowerCase());
  if (hit) return hit.scores;
  // A longer word matches only where a prefix of it matched (subsequence matching), so start from
  // the longest cached prefix. Scores are kept unthresholded so that subset property holds.
  let candidates: Int32Array | undefined;
  for (let len = word.length - 1; len > 0 && !candidates; len--) {
    const prefix = word.slice(0, len);
    candidates = (cache.get(prefix) ?? (len === 1 ? index.charCache.get(prefix.toLowerCase()) : undefined))
      ?.matched;
  }
  const scores = new Float64Array(index.strings.length).fill(-1);
  const matched: number[] = [];
  const check = (id: number) => {
    const r = fuzzysort.single(word, preparedOf(index, id));
    if (r) {
      scores[id] = r.score;
      matched.push(id);
    }
  };
  if (candidates) for (const id of candidates) check(id);
  else for (let id = 0; id < index.strings.length; id++) check(id);
  if (cache.size >= wordCacheSize) cache.delete(cache.keys().next().value!);
  cache.set(word, { scores, matched: Int32Array.from(matched) });
  return scores;
}

/**
 * Precomputes every single character that occurs in the index, one per call, so a caller can
 * spread the work over idle time (returns false when done). The first keystroke of any search
 * then costs a lookup, and its second only re-checks the strings the first matched.
 */
const charsOf = new WeakMap<RoleIndex, string[]>();

export function warmRoleIndex(index: RoleIndex): boolean {
  let chars = charsOf.get(index);
  if (!chars) {
    // The keys too, which the first search reads for every role (favorites and recents).
    for (const item of index.items) void item.key;
    const set = new Set<string>();
    for (const { text } of index.strings) for (const ch of text.toLowerCase()) if (ch.trim()) set.add(ch);
    chars = [...set];
    charsOf.set(index, chars);
  }
  for (const ch of chars) {
    if (index.charCache.has(ch)) continue;
    scoreWord(index, ch);
    const computed = index.wordCache.get(ch);
    if (computed) {
      index.wordCache.delete(ch);
      index.charCache.set(ch, computed);
    }
    return true;
  }
  return false;
}

type Flags = { favorite: Uint8Array; boost: Float64Array };
const flagsMemo = new WeakMap<RoleIndex, WeakMap<SearchContext, Flags>>();

/** Favorite flag and recency boost per role, once per (index, context) rather than per keystroke. */
function flagsFor(index: RoleIndex, ctx: SearchContext): Flags {
  let byCtx = flagsMemo.get(index);
  if (!byCtx) flagsMemo.set(index, (byCtx = new WeakMap()));
  let flags = byCtx.get(ctx);
  if (!flags) {
    const n = index.items.length;
    flags = { favorite: new Uint8Array(n), boost: new Float64Array(n) };
    // A recent role wins a near-tie: small enough never to lift a weak match over a strong one.
    const recentRank = new Map(ctx.recents.map((k, i) => [k, i]));
    for (let i = 0; i < n; i++) {
      const key = index.items[i]!.key;
      if (ctx.favorites.has(key)) flags.favorite[i] = 1;
      const rank = recentRank.get(key);
      if (rank !== undefined) flags.boost[i] = 0.02 * (1 - rank / 10);
    }
    byCtx.set(ctx, flags);
  }
  return flags;
}

class Hit implements RoleHit {
  #highlights: Highlights | undefined;
  constructor(
    readonly key: string,
    readonly role: RoleEntry,
    readonly score: number,
    readonly favorite: boolean,
    private readonly index: RoleIndex,
    private readonly item: number,
    private readonly words: readonly string[],
    /** For word w, the field it matched best is at [bestAt + w]. */
    private readonly bestFields: Uint8Array,
    private readonly bestAt: number,
  ) {}

  get highlights(): Highlights {
    if (this.#highlights) return this.#highlights;
    const byField = new Map<number, number[]>();
    this.words.forEach((word, w) => {
      const f = this.bestFields[this.bestAt + w]!;
      const prepared = preparedOf(this.index, this.index.fieldIds[this.item * FIELDS + f]!);
      // Re-run for this one string: fuzzysort reuses a prepared target's index buffer per search.
      const r = fuzzysort.single(word, prepared);
      if (r) byField.set(f, [...(byField.get(f) ?? []), ...r.indexes]);
    });
    const out: Highlights = {};
    for (const [f, idx] of byField) out[searchFields[f]!] = indexesToRanges(idx);
    this.#highlights = out;
    return out;
  }
}

/** Shared by every hit of an empty query: 10,000 roles need no 10,000 empty objects. */
export const noHighlights: Highlights = Object.freeze({});

/**
 * Roles matching `query`, best first, favorites ahead of the rest (each part in score order).
 * An empty query returns every role in list order with no highlights.
 */
export function searchRoles(index: RoleIndex, query: string, ctx: SearchContext): RoleHit[] {
  const words = queryWords(query);
  const n = index.items.length;
  if (words.length === 0) {
    return index.items.map((i) => ({
      key: i.key,
      role: i.role,
      score: 0,
      favorite: ctx.favorites.has(i.key),
      highlights: noHighlights,
    }));
  }

  const wordScores = words.map((word) => scoreWord(index, word));
  const { favorite: favoriteOf, boost } = flagsFor(index, ctx);
  const ids = index.fieldIds;
  const W = words.length;
  const itemOf: number[] = [];
  const scoreOf = new Float64Array(n);
  const bestOf = new Uint8Array(n * W);
  outer: for (let i = 0; i < n; i++) {
    let total = 0;
    for (let w = 0; w < W; w++) {
      const scores = wordScores[w]!;
      let top = -1;
      let topField = 0;
      for (let f = 0; f < FIELDS; f++) {
        const s = scores[ids[i * FIELDS + f]!]!;
        if (s > top) {
          top = s;
          topField = f;
        }
      }
      if (top < threshold) continue outer;
      total += top;
      bestOf[i * W + w] = topField;
    }
    scoreOf[i] = total / W + boost[i]!;
    itemOf.push(i);
  }
  // Ties keep list order (the item number), already account/role order: no string compares here.
  itemOf.sort((a, b) => favoriteOf[b]! - favoriteOf[a]! || scoreOf[b]! - scoreOf[a]! || a - b);
  return itemOf.map((i) => {
    const { key, role } = index.items[i]!;
    return new Hit(key, role, scoreOf[i]!, favoriteOf[i] === 1, index, i, words, bestOf, i * W);
  });
}
