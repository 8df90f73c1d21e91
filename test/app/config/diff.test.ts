import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import type { SsoSession } from '../../../app/domain/session';
import { planProfilesText } from '../../../app/config/plan-profiles';
import { parse, serialize } from '../../../app/ini/document';
import { MANAGED_MARKER, isManaged, removeSections } from '../../../app/ini/edit';

const session: SsoSession = {
  name: 'corp',
  kind: 'sso-session',
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'us-east-1',
  scopes: [],
};
const role = (accountId: string, roleName: string): RoleEntry => ({
  sessionName: 'corp',
  accountId,
  accountName: 'acct',
  emailAddress: 'a@example.com',
  roleName,
});
const lanyard = (name: string, account: string, r: string, region = 'us-east-1') =>
  `[profile ${name}]\n${MANAGED_MARKER}\nsso_session = corp\nsso_account_id = ${account}\nsso_role_name = ${r}\nregion = ${region}\n`;

/** Applies a unified diff to LF text, checking every context and removed line: the diff must be exact. */
function applyPatch(before: string, diff: string): string {
  const lines = before.split('\n');
  const out: string[] = [];
  let at = 0;
  const hunks = diff.split(/^(?=@@ )/m).slice(1);
  for (const h of hunks) {
    const [head, ...body] = h.replace(/\n$/, '').split('\n');
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(head!);
    if (!m) throw new Error(`bad hunk header ${head}`);
    const start = Number(m[2] === '0' ? Number(m[1]) : Number(m[1]) - 1);
    out.push(...lines.slice(at, start));
    at = start;
    for (const l of body) {
      const text = l.slice(1);
      if (l[0] === '+') out.push(text);
      else {
        if (lines[at] !== text) throw new Error(`line ${at + 1} is "${lines[at]}", the diff says "${text}"`);
        if (l[0] === ' ') out.push(text);
        at++;
      }
    }
  }
  out.push(...lines.slice(at));
  return out.join('\n');
}

describe('the profiles diff shows only Lanyard sections', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const before =
    lanyard('Admin-111111111111', '111111111111', 'Admin') +
    `[profile mine]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n` +
    lanyard('Dev-222222222222', '222222222222', 'Dev') +
    `# my note\n[profile other]\nregion = eu-west-1\n`;

  it("never carries a neighbour's lines, even as context", () => {
    const plan = planProfilesText(before, {
      session,
      roles: [role('111111111111', 'Admin'), role('333333333333', 'New')],
      region: 'eu-central-1',
      prune: true,
    });
    expect(plan.updated).toEqual(['Admin-111111111111']);
    expect(plan.removed).toEqual(['Dev-222222222222']);
    expect(plan.diff).not.toContain(secret);
    expect(plan.diff).not.toContain('aws_access_key_id');
    expect(plan.diff).not.toContain('[profile mine]');
    expect(plan.diff).not.toContain('my note');
    expect(plan.diff).toMatch(/^-region = us-east-1$/m);
    expect(plan.diff).toMatch(/^\+region = eu-central-1$/m);
    expect(plan.diff).toMatch(/^-\[profile Dev-222222222222\]$/m);
    expect(plan.diff).toMatch(/^\+\[profile New-333333333333\]$/m);
    expect(applyPatch(before, plan.diff)).toBe(plan.after);
  });

  it('masks a secret a person put inside a Lanyard profile', () => {
    const withSecret = before.replace(
      'region = us-east-1\n',
      `region = us-east-1\naws_session_token = ${secret}\n`,
    );
    const plan = planProfilesText(withSecret, {
      session,
      roles: [role('111111111111', 'Admin')],
      region: 'eu-west-2',
    });
    expect(plan.diff).not.toContain(secret);
    expect(plan.diff).toContain('aws_session_token = ****');
  });

  it('is empty when nothing changes, and linear in size', () => {
    const roles = Array.from({ length: 2000 }, (_, i) => role(String(100000000000 + i), 'R'));
    const first = planProfilesText('[default]\nregion = x\n', { session, roles });
    expect(planProfilesText(first.after, { session, roles }).diff).toBe('');
    const next = planProfilesText(first.after, { session, roles, region: 'eu-west-1' });
    expect(next.diff.match(/^@@ /gm)).toHaveLength(2000);
    expect(applyPatch(first.after, next.diff)).toBe(next.after);
  });
});

const word = fc.constantFrom('a', 'b', 'dev', 'Admin-111111111111', 'Old-111111111111');
const secretLine = fc.constant('aws_secret_access_key = SECRET-NEIGHBOUR');
const chunk = fc.oneof(
  fc.tuple(word).map(([w]) => `[profile ${w}]\nregion = x\n`),
  secretLine.map((l) => `[profile mine]\n${l}\n`),
  fc.constantFrom('# note\n', '\n', 'junk line\n', '[default]\noutput = json\n'),
  fc
    .tuple(
      fc.constantFrom('Admin-111111111111', 'Old-111111111111', 'dev-222222222222'),
      fc.constantFrom('Admin', 'Old', 'dev'),
    )
    .map(([n, r]) => lanyard(n, n.slice(-12), r, 'eu-west-1')),
);

describe('the diff and the plan, for generated files', () => {
  it("describes exactly the change, holds none of the person's lines, and keeps their bytes", () => {
    const roleArb = fc.record({
      sessionName: fc.constant('corp'),
      accountId: fc.constantFrom('111111111111', '222222222222'),
      accountName: fc.constant('acct'),
      emailAddress: fc.constant('a@example.com'),
      roleName: fc.constantFrom('Admin', 'Old', 'dev'),
    }) as fc.Arbitrary<RoleEntry>;
    fc.assert(
      fc.property(
        fc.array(chunk, { maxLength: 12 }),
        fc.array(roleArb, { maxLength: 4 }),
        fc.boolean(),
        (chunks, roles, prune) => {
          const before = chunks.join('');
          const plan = planProfilesText(before, { session, roles, prune, region: 'ap-south-1' });
          expect(plan.diff).not.toContain('SECRET-NEIGHBOUR');
          expect(applyPatch(before, plan.diff)).toBe(plan.after);
          const person = (t: string) => {
            const doc = parse(t);
            removeSections(doc, new Set(doc.sections.filter(isManaged)));
            return serialize(doc);
          };
          expect(person(plan.after)).toBe(person(before));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
