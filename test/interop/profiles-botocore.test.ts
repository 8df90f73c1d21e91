import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../app/domain/accounts';
import type { SsoSession } from '../../app/domain/session';
import { applyProfilesPlan, planProfiles } from '../../main/config/profiles';
import { addSsoSession, loadSessions } from '../../main/config/sessions';
import { createSandbox, type Sandbox } from '../support/sandbox';

type FullConfig = {
  profiles: Record<string, Record<string, unknown>>;
  sso_sessions: Record<string, Record<string, unknown>>;
  services: Record<string, Record<string, unknown>>;
};

/** Real botocore, once per file: what it makes of the sandbox's config. */
function botocoreConfig(env: Record<string, string>): FullConfig {
  const script = `
import json, botocore.session
c = botocore.session.Session().full_config
print(json.dumps({k: c.get(k, {}) for k in ("profiles", "sso_sessions", "services")}))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { env, encoding: 'utf8' })) as FullConfig;
}

const userText = [
  '# top comment',
  '[default]',
  'region = eu-west-1',
  's3 =',
  '  max_concurrent_requests = 20',
  '',
  '[profile "with space"]',
  'output: json',
  '[services local]',
  'sso_oidc =',
  '  endpoint_url = http://127.0.0.1:9',
  '',
].join('\r\n');

const accounts = Array.from({ length: 25 }, (_, i) => String(100000000000 + i));
const roleNames = ['AdministratorAccess', 'ReadOnly', 'Billing+Ops', 'dev.team@x'];
const roles: RoleEntry[] = accounts.flatMap((accountId, i) =>
  roleNames.map((roleName) => ({
    sessionName: 'corp',
    accountId,
    accountName: `Account ${i}`,
    emailAddress: 'a@example.com',
    roleName,
  })),
);

let sb: Sandbox;
let seen: FullConfig;
let legacy: SsoSession;

beforeAll(async () => {
  sb = await createSandbox({ config: userText });
  await addSsoSession(sb.paths, {
    name: 'corp',
    startUrl: 'https://d-90677a1b2c.awsapps.com/start',
    region: 'eu-central-1',
    scopes: ['sso:account:access', 'codewhisperer:completions'],
  });
  const { sessions } = await loadSessions(sb.paths);
  const corp = sessions.find((s) => s.name === 'corp')!;
  await applyProfilesPlan(
    sb.paths,
    await planProfiles(sb.paths, { session: corp, roles, region: 'us-west-2' }),
  );
  legacy = {
    name: 'old',
    kind: 'legacy-profile',
    startUrl: 'https://old.awsapps.com/start',
    region: 'us-east-1',
    scopes: [],
  };
  await applyProfilesPlan(
    sb.paths,
    await planProfiles(sb.paths, {
      session: legacy,
      roles: roles.slice(0, 2),
      template: 'legacy-{role}-{account_id}',
    }),
  );
  seen = botocoreConfig(sb.env);
});
afterAll(async () => sb.cleanup());

describe('botocore reads what Lanyard writes', () => {
  it('keeps the person’s sections as botocore saw them', () => {
    expect(seen.profiles.default).toEqual({ region: 'eu-west-1', s3: { max_concurrent_requests: '20' } });
    expect(seen.profiles['with space']).toEqual({ output: 'json' });
    expect(seen.services.local).toEqual({ sso_oidc: { endpoint_url: 'http://127.0.0.1:9' } });
  });

  it('sees the sso-session exactly', () => {
    expect(seen.sso_sessions.corp).toEqual({
      sso_start_url: 'https://d-90677a1b2c.awsapps.com/start',
      sso_region: 'eu-central-1',
      sso_registration_scopes: 'sso:account:access,codewhisperer:completions',
    });
  });

  it('sees every profile with exactly the values written', () => {
    for (const r of roles) {
      expect(seen.profiles[`${r.roleName}-${r.accountId}`]).toEqual({
        sso_session: 'corp',
        sso_account_id: r.accountId,
        sso_role_name: r.roleName,
        region: 'us-west-2',
      });
    }
    for (const r of roles.slice(0, 2)) {
      expect(seen.profiles[`legacy-${r.roleName}-${r.accountId}`]).toEqual({
        sso_start_url: legacy.startUrl,
        sso_region: legacy.region,
        sso_account_id: r.accountId,
        sso_role_name: r.roleName,
        region: 'us-east-1',
      });
    }
    expect(Object.keys(seen.profiles)).toHaveLength(roles.length + 4);
  });

  it('the file stayed CRLF', async () => {
    const text = await readFile(sb.paths.awsConfigFile, 'utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('AWS CLI fixture configs load as sessions', () => {
  it('sso-session and legacy-profile fixtures', async () => {
    const dir = '/work/shared/fixtures/aws-cli-2.9.19';
    const fixture = async (name: string) => {
      const s = await createSandbox({ config: await readFile(`${dir}/${name}/config`, 'utf8') });
      try {
        return await loadSessions(s.paths);
      } finally {
        await s.cleanup();
      }
    };
    expect(await fixture('sso-session')).toEqual({
      sessions: [
        {
          name: 'corp',
          kind: 'sso-session',
          startUrl: 'https://d-90677a1b2c.awsapps.com/start',
          region: 'us-east-1',
          scopes: ['sso:account:access'],
        },
      ],
      warnings: [],
    });
    expect(await fixture('legacy-profile')).toEqual({
      sessions: [
        {
          name: 'legacy',
          kind: 'legacy-profile',
          startUrl: 'https://d-90677a1b2c.awsapps.com/start',
          region: 'us-east-1',
          scopes: [],
        },
      ],
      warnings: [],
    });
  });
});
