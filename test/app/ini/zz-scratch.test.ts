import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { planProfilesText } from '../../../app/config/plan-profiles';
import { parse, serialize } from '../../../app/ini/document';
import { MANAGED_MARKER, isManaged, removeSection } from '../../../app/ini/edit';

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
function withoutLanyard(text: string): string {
  const doc = parse(text);
  for (const s of doc.sections.filter(isManaged)) removeSection(doc, s);
  return serialize(doc);
}
const session: SsoSession = { name: 'corp', kind: 'sso-session', startUrl: 'https://d-1.awsapps.com/start', region: 'us-east-1', scopes: [] };
const role = fc.record({ sessionName: fc.constant('corp'), accountId: fc.constantFrom('111111111111', '222222222222'), accountName: fc.constantFrom('dev', 'prod', 'Ünïcode acct'), emailAddress: fc.constant('a@example.com'), roleName: fc.constantFrom('dev', 'Admin', 'ReadOnly', 'default') }) as fc.Arbitrary<RoleEntry>;
it('x', () => {
fc.assert(fc.property(file, fc.array(role, { maxLength: 5 }), fc.boolean(), (before, roles, prune) => {
  const plan = planProfilesText(before, { session, roles, prune });
  const kept = withoutLanyard(plan.after);
  const original = withoutLanyard(before);
  return [original, original + '\n', original + '\r\n', original + '\r'].includes(kept);
}), { numRuns: 100000 });
}, 600000);
