import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import { roleKeyOf } from '../../../app/domain/role-key';
import {
  allRows,
  buildRoleIndex,
  buildRows,
  rowListOf,
  searchRoles,
  type ListRow,
  type RowList,
  type SearchContext,
} from '../../../app/search';

const rowsOf = (list: RowList): (ListRow | undefined)[] =>
  Array.from({ length: list.length }, (_, i) => list.at(i));

const roleArb = fc.record({
  sessionName: fc.constantFrom('acme', 'acme-gov'),
  accountId: fc.constantFrom('111111111111', '222222222222', '333333333333', '444444444444'),
  roleName: fc.constantFrom('Admin', 'ReadOnly', 'Billing'),
});
/** Roles of a few accounts in two sessions, with an account's name the same wherever it is listed. */
const orgArb = fc.uniqueArray(roleArb, { selector: roleKeyOf, maxLength: 24 }).map((list) =>
  list.map((r): RoleEntry => ({
    ...r,
    accountName: `team-${r.accountId.slice(0, 1)}`,
    emailAddress: `aws+${r.accountId}@example.com`,
  })),
);

describe('allRows', () => {
  it('holds the same rows, ids and shapes as buildRows for the unfiltered list', () => {
    fc.assert(
      fc.property(
        orgArb,
        fc.array(fc.nat(30), { maxLength: 4 }),
        fc.array(fc.nat(30), { maxLength: 4 }),
        (roles, favs, recents) => {
          const keys = roles.map(roleKeyOf);
          const pick = (is: number[]) => [...new Set(is.flatMap((i) => keys[i] ?? `gone/${i}/Role`))];
          const ctx: SearchContext = { favorites: new Set(pick(favs)), recents: pick(recents) };
          const index = buildRoleIndex(roles);
          const expected = buildRows(searchRoles(index, '', ctx), '', index, ctx);
          const lazy = allRows(index, ctx);
          // Ids and shapes first, before any row is made, as the virtualizer reads them.
          expect(Array.from({ length: lazy.length }, (_, i) => lazy.idAt(i))).toEqual(
            expected.map((r) => r.id),
          );
          const eager = rowListOf(expected);
          expect(Array.from({ length: lazy.length }, (_, i) => lazy.shapeAt(i))).toEqual(
            expected.map((_, i) => eager.shapeAt(i)),
          );
          // The virtualizer's keys: one per row.
          const rowKeys = Array.from({ length: lazy.length }, (_, i) => lazy.keyAt(i));
          expect(new Set(rowKeys).size).toBe(expected.length);
          expect(rowKeys).not.toContain(undefined);
          expect(rowsOf(lazy)).toEqual(expected);
          for (const [i, row] of expected.entries()) expect(lazy.indexOfId(row.id)).toBe(i);
          expect(lazy.indexOfId('acme/999999999999/Nobody')).toBe(-1);
          expect([lazy.at(-1), lazy.at(lazy.length), lazy.idAt(lazy.length)]).toEqual([
            undefined,
            undefined,
            undefined,
          ]);
        },
      ),
    );
  });

  it('gives the same row object each time one is read', () => {
    const roles = Array.from({ length: 1000 }, (_, i) => ({
      sessionName: 'acme',
      accountId: String(100000000000 + Math.floor(i / 5)),
      accountName: `team-${Math.floor(i / 5)}`,
      emailAddress: 'aws@example.com',
      roleName: `Role${i % 5}`,
    }));
    const list = allRows(buildRoleIndex(roles), { favorites: new Set(), recents: [] });
    expect(list.length).toBe(1200);
    expect(list.at(1)).toBe(list.at(1));
    expect(list.at(0)).toMatchObject({ kind: 'header', label: 'team-0' });
  });
});
