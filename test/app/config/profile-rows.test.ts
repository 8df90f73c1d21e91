import { describe, expect, it } from 'vitest';
import { profileRows } from '../../../app/config/profile-rows';

const before = `[profile old-one]
# managed by lanyard
sso_session = acme
sso_account_id = 999999999999
sso_role_name = Gone
region = us-east-1

[profile PowerUser-210987654321]
sso_session = acme
sso_account_id = 210987654321
sso_role_name = PowerUser
region = us-east-1
`;
const after = `[profile PowerUser-210987654321]
sso_session = acme
sso_account_id = 210987654321
sso_role_name = PowerUser
region = eu-west-1

[profile Admin-123456789012]
sso_session = acme
sso_account_id = 123456789012
sso_role_name = Admin
region = eu-west-1
`;

describe('profileRows', () => {
  it('reads account, role and region of each change from the planned text', () => {
    const rows = profileRows(
      {
        added: ['Admin-123456789012'],
        updated: ['PowerUser-210987654321'],
        removed: ['old-one'],
        before,
        after,
      },
      new Map([
        ['123456789012', 'payments-prod'],
        ['210987654321', 'identity'],
      ]),
    );
    expect(rows).toEqual([
      {
        name: 'Admin-123456789012',
        change: 'add',
        accountId: '123456789012',
        accountName: 'payments-prod',
        roleName: 'Admin',
        region: 'eu-west-1',
      },
      {
        name: 'PowerUser-210987654321',
        change: 'update',
        accountId: '210987654321',
        accountName: 'identity',
        roleName: 'PowerUser',
        region: 'eu-west-1',
      },
      // Removed: read from the text before, and the account is no longer listed.
      { name: 'old-one', change: 'remove', accountId: '999999999999', roleName: 'Gone', region: 'us-east-1' },
    ]);
  });
});
