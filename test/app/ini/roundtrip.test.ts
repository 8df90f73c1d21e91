import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { planProfilesText } from '../../../app/config/plan-profiles';
import { parse, serialize } from '../../../app/ini/document';
import { MANAGED_MARKER, isManaged, removeSection } from '../../../app/ini/edit';
import { sectionKeys, sectionOutline } from '../../../app/ini/document';
import { documentProblems } from '../../../app/ini/sections';
import { parse as eagerParse } from './support/eager-parse';

const eol = fc.constantFrom('\n', '\r\n', '\r');
const word = fc.stringMatching(/^[A-Za-z0-9_.:@/+%-]{1,12}$/);
const unicode = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
const space = fc.constantFrom('', ' ', '  ', '\t', ' \t ');

// Pieces of real-looking config files, including the odd and the broken.
const line = fc.oneof(
  fc
    .tuple(space, fc.constantFrom('profile', 'sso-session', 'services'), space, word, space)
    .map(([a, k, b, n, c]) => `${a}[${k}${b || ' '}${n}]${c}`),
  fc.tuple(fc.constantFrom('profile', 'sso-session'), unicode).map(([k, n]) => `[${k} "${n}"]`),
  fc.constantFrom(
    '[default]',
    '[profile default]',
    '[DEFAULT]',
    '[profile dev]',
    '[profile dev]',
    '[sso-session corp]',
  ),
  fc.constantFrom('[', ']', '[]', '[profile', 'profile x]', '[a]b]junk'),
  fc.tuple(space, word, space, fc.constantFrom('=', ':'), space, unicode).map((p) => p.join('')),
  fc
    .tuple(fc.constantFrom('  ', '\t', '    '), word, fc.constantFrom(' = ', '=', ': '), unicode)
    .map((p) => p.join('')),
  fc.tuple(space, fc.constantFrom('#', ';'), unicode).map((p) => p.join('')),
  fc.constant(MANAGED_MARKER),
  // A whole Lanyard profile of this session (some stale), so update and prune paths run too.
  fc
    .tuple(
      fc.constantFrom('Admin-111111111111', 'Old-111111111111', 'dev-222222222222'),
      fc.constantFrom('Admin', 'Old', 'dev'),
    )
    .map(
      ([name, r]) =>
        `[profile ${name}]\n${MANAGED_MARKER}\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = ${r}\nregion = eu-west-1`,
    ),
  space,
  unicode,
);

const file = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 30 }), fc.boolean())
  .map(([bom, lines, finalEol]) => {
    let text = (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join('');
    if (!finalEol) text = text.replace(/(\r\n|\n|\r)$/, '');
    return text;
  });

/** The file with every Lanyard section taken out: what must be identical before and after a write. */
function withoutLanyard(text: string): string {
  const doc = parse(text);
  for (const s of doc.sections.filter(isManaged)) removeSection(doc, s);
  return serialize(doc);
}

/** Lines of the sections Lanyard does not own (and of the preamble), in order. */
function personLines(text: string): string[] {
  const doc = parse(text);
  return doc.sections
    .filter((s) => !isManaged(s))
    .flatMap((s) => [...(s.header ? [s.header] : []), ...s.body])
    .map((l) => l.text + l.eol);
}

/** Whether `part` occurs in `whole` in order; the file's last line may have gained a line ending. */
function isSubsequence(part: string[], whole: string[]): boolean {
  let i = 0;
  for (const line of whole) {
    if (i >= part.length) break;
    const want = part[i]!;
    if (line === want || (i === part.length - 1 && line.replace(/(\r\n|\n|\r)$/, '') === want)) i++;
  }
  return i === part.length;
}

const session: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'us-east-1',
  scopes: [],
};
const role = fc.record({
  sessionName: fc.constant('corp'),
  accountId: fc.constantFrom('111111111111', '222222222222'),
  accountName: fc.constantFrom('dev', 'prod', 'Ünïcode acct'),
  emailAddress: fc.constant('a@example.com'),
  roleName: fc.constantFrom('dev', 'Admin', 'ReadOnly', 'default'),
}) as fc.Arbitrary<RoleEntry>;

describe('lossless INI model', () => {
  it('serialize(parse(x)) === x for generated config files', () => {
    fc.assert(
      fc.property(file, (text) => serialize(parse(text)) === text),
      { numRuns: 10_000 },
    );
  });

  it('serialize(parse(x)) === x for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => serialize(parse(text)) === text),
      { numRuns: 3_000 },
    );
  });

  it('a profile write keeps every byte of every section Lanyard does not own', () => {
    fc.assert(
      fc.property(
        file,
        fc.array(role, { maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom(undefined, '{account_name}-{role}', '{role}'.concat('-{account_id}')),
        (before, roles, prune, template) => {
          const plan = planProfilesText(before, { session, roles, prune, ...(template ? { template } : {}) });
          const kept = withoutLanyard(plan.after);
          const original = withoutLanyard(before);
          // Appending may terminate the last line; nothing else of the person's may differ.
          expect([original, original + '\n', original + '\r\n', original + '\r']).toContain(kept);
          // Independently of removeSection: the person's lines all survive, in order.
          expect(
            isSubsequence(
              personLines(before),
              parse(plan.after)
                .sections.flatMap((s) => [...(s.header ? [s.header] : []), ...s.body])
                .map((l) => l.text + l.eol),
            ),
          ).toBe(true);
          // Planning again on the result is a no-op.
          const again = planProfilesText(plan.after, {
            session,
            roles,
            prune,
            ...(template ? { template } : {}),
          });
          expect(again.after).toBe(plan.after);
          expect(again.added).toEqual([]);
          expect(again.updated).toEqual([]);
          expect(again.removed).toEqual([]);
        },
      ),
      { numRuns: 1_500 },
    );
  });

  /** The lazily built sections hold exactly the lines the old line-by-line parser built. */
  const sameAsEager = (text: string) => {
    const lazy = parse(text);
    const eager = eagerParse(text);
    // Outline first (nothing built yet), then the built lines.
    expect(lazy.sections.map((s) => sectionOutline(s) !== undefined)).toEqual(lazy.sections.map(() => true));
    expect(documentProblems(lazy)).toEqual(documentProblems(eager));
    expect(lazy.sections.map((s) => sectionKeys(s))).toEqual(eager.sections.map((s) => sectionKeys(s)));
    expect(lazy.bom).toBe(eager.bom);
    expect(lazy.sections.map((s) => ({ header: s.header, body: s.body }))).toEqual(eager.sections);
    // Once built, the outline gives way to the lines (which edits may change).
    expect(lazy.sections.every((s) => sectionOutline(s) === undefined)).toBe(true);
    expect(documentProblems(lazy)).toEqual(documentProblems(eager));
  };

  it('the scan with lazily built sections equals the line-by-line parse (generated files)', () => {
    fc.assert(
      fc.property(file, (text) => sameAsEager(text)),
      { numRuns: 5_000 },
    );
  });

  it('the scan with lazily built sections equals the line-by-line parse (arbitrary strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => sameAsEager(text)),
      { numRuns: 3_000 },
    );
    // Whitespace beyond ASCII, a key that repeats in another case, garbage between keys.
    sameAsEager('[a]\n\u00a0k\u3000=\u2003v\u00a0\nK = 2\nnonsense\n  cont\n[b]\u2028\nx:y\r\n\ufeffz=1');
  });

  it('keeps exotic files byte for byte', () => {
    for (const text of [
      '',
      '\ufeff',
      '\r',
      '[default]',
      '\ufeff[default]\r\nregion = us-east-1\r\n',
      '[profile "my profile"]\nkey: value\n\tindented = x\n',
      'x = before any section\n[a]\n[a]\n',
      '[profile ünï]\r[services s]\rsso_oidc =\r  endpoint_url = http://127.0.0.1:1\r',
      '  [profile x]  \n   key   =   spaced value   \nno delimiter here',
    ]) {
      expect(serialize(parse(text))).toBe(text);
    }
  });
});
