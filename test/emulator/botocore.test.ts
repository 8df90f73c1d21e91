import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';

// Real botocore (python3) against the emulator, steered only by the endpoint env vars, and driving the
// emulator through its HTTP control API the way an out-of-process test would.
const script = String.raw`
import json, os, urllib.request
import botocore.session
from botocore import UNSIGNED
from botocore.config import Config

session = botocore.session.get_session()
oidc = session.create_client('sso-oidc', region_name='us-east-1', config=Config(signature_version=UNSIGNED))
sso = session.create_client('sso', region_name='us-east-1', config=Config(signature_version=UNSIGNED))
out = {'oidcEndpoint': oidc.meta.endpoint_url, 'ssoEndpoint': sso.meta.endpoint_url}

reg = oidc.register_client(clientName='botocore-client-emulator', clientType='public', scopes=['sso:account:access'])
dev = oidc.start_device_authorization(clientId=reg['clientId'], clientSecret=reg['clientSecret'],
                                      startUrl='https://d-0000000000.awsapps.com/start')
def poll():
    return oidc.create_token(clientId=reg['clientId'], clientSecret=reg['clientSecret'],
                             grantType='urn:ietf:params:oauth:grant-type:device_code', deviceCode=dev['deviceCode'])
try:
    poll()
    out['pending'] = 'no exception'
except oidc.exceptions.AuthorizationPendingException as e:
    out['pending'] = type(e).__name__
    out['pendingError'] = e.response['Error'].get('Code')

req = urllib.request.Request(os.environ['EMULATOR_URL'] + '/_emulator/approve', method='POST',
                             data=json.dumps({'userCode': dev['userCode']}).encode())
urllib.request.urlopen(req).read()
token = poll()
out['hasRefresh'] = 'refreshToken' in token
accounts = []
pages = 0
for page in sso.get_paginator('list_accounts').paginate(accessToken=token['accessToken'], PaginationConfig={'PageSize': 4}):
    pages += 1
    accounts += [a['accountId'] for a in page['accountList']]
out['pages'] = pages
out['accounts'] = accounts
creds = sso.get_role_credentials(accessToken=token['accessToken'], accountId=accounts[0],
                                 roleName=sso.list_account_roles(accessToken=token['accessToken'], accountId=accounts[0])['roleList'][0]['roleName'])
out['expiration'] = creds['roleCredentials']['expiration']
try:
    sso.list_accounts(accessToken='bogus')
except sso.exceptions.UnauthorizedException as e:
    out['unauthorized'] = type(e).__name__
print(json.dumps(out))
`;

let emu: RunningEmulator;
let home: string;
beforeAll(async () => {
  emu = await startEmulator({ org: { generate: { accounts: 10, seed: 3 } } });
  home = await mkdtemp(join(tmpdir(), 'lanyard-emu-botocore-'));
});
afterAll(async () => {
  await emu.close();
  await rm(home, { recursive: true, force: true });
});

test('botocore: AuthorizationPendingException by class, then a token and a paginated account list', async () => {
  const { stdout } = await promisify(execFile)('python3', ['-c', script], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      ...emu.env,
      EMULATOR_URL: emu.url,
    },
  });
  const out = JSON.parse(stdout) as Record<string, unknown>;
  expect(out.oidcEndpoint).toBe(emu.url);
  expect(out.ssoEndpoint).toBe(emu.url);
  expect(out.pending).toBe('AuthorizationPendingException');
  expect(out.pendingError).toBe('AuthorizationPendingException');
  expect(out.hasRefresh).toBe(true);
  expect(out.pages).toBe(3);
  expect(out.accounts).toEqual(emu.control.org().accounts.map((a) => a.accountId));
  expect(typeof out.expiration).toBe('number');
  expect(out.unauthorized).toBe('UnauthorizedException');
});
