/**
 * The search index of a role list: the list order, each role's key on first read, and the table of
 * distinct field texts a search scores (`roles.ts`), built on the first search or in idle time.
 */
import type fuzzysort from 'fuzzysort';
import type { RoleEntry } from '../domain/accounts';
import { roleKeyOf } from '../domain/role-key';
import { compareRoles } from '../domain/role-order';

export const searchFields = ['accountName', 'accountId', 'emailAddress', 'roleName'] as const;
export type SearchField = (typeof searchFields)[number];

export type Prepared = ReturnType<typeof fuzzysort.prepare>;
/** `p` is filled on first use: preparing 10,000 roles' strings up front took most of the first render. */
type IndexString = { readonly id: number; readonly text: string; p?: Prepared };
export const FIELDS = searchFields.length;

export type RoleIndex = {
  /** Sorted by account name, account id, session, then role name: the order of the unfiltered list. */
  readonly items: readonly { readonly key: string; readonly role: RoleEntry }[];
  readonly byKey: ReadonlyMap<string, { readonly key: string; readonly role: RoleEntry }>;
  /** Distinct strings, each prepared for fuzzysort on its first search (see `preparedOf`). */
  readonly strings: readonly IndexString[];
  /** For role i, field f: the id in `strings` of that field's text, at i * 4 + f. */
  readonly fieldIds: Int32Array;
  /** Memo of recent words' scores: typing extends a word, so the next one only re-checks its matches. */
  readonly wordCache: Map<string, WordScores>;
  /** Scores of single characters, filled by `warmRoleIndex`: every first keystroke starts here. */
  readonly charCache: Map<string, WordScores>;
};

type WordScores = {
  /** Score per distinct string; -1 where the word does not occur as a subsequence. */
  scores: Float64Array;
  /** Ids of the strings it occurs in: the only candidates for any longer word starting with it. */
  matched: Int32Array;
};

/** Each distinct field text once, and per role and field its id: what a search scores. */
function fieldTable(sorted: readonly RoleEntry[]): { strings: IndexString[]; fieldIds: Int32Array } {
  const ids = new Map<string, number>();
  const strings: IndexString[] = [];
  const fieldIds = new Int32Array(sorted.length * FIELDS);
  for (let i = 0; i < sorted.length; i++) {
    const role = sorted[i]!;
    for (let f = 0; f < FIELDS; f++) {
      const text = role[searchFields[f]!];
      let id = ids.get(text);
      if (id === undefined) {
        id = strings.length;
        ids.set(text, id);
        strings.push({ id, text });
      }
      fieldIds[i * FIELDS + f] = id;
    }
  }
  return { strings, fieldIds };
}

/** A role and its key, built on first read: the first frame reads the keys of the drawn rows only. */
class Item {
  #key: string | undefined;
  constructor(readonly role: RoleEntry) {}
  get key(): string {
    return (this.#key ??= roleKeyOf(this.role));
  }
}

/**
 * The list order now; keys as read, the search table on the first search or idle warming.
 * `inOrder`: the roles are already in the one order (one session's list as main sends it), so the
 * first frame neither sorts 10,000 roles nor makes the ICU collator a sort needs.
 */
export function buildRoleIndex(roles: readonly RoleEntry[], inOrder = false): RoleIndex {
  const sorted = inOrder ? roles : [...roles].sort(compareRoles);
  const items = sorted.map((role) => new Item(role));
  let table: ReturnType<typeof fieldTable> | undefined;
  const tableOf = () => (table ??= fieldTable(sorted));
  let byKey: Map<string, (typeof items)[number]> | undefined;
  return {
    items,
    get byKey() {
      return (byKey ??= new Map(items.map((i) => [i.key, i])));
    },
    get strings() {
      return tableOf().strings;
    },
    get fieldIds() {
      return tableOf().fieldIds;
    },
    wordCache: new Map(),
    charCache: new Map(),
  };
}
