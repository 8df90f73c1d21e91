// `npm run emulator`: a local IAM Identity Center for demos and manual testing. Flags → startEmulator().
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { EmulatorError, type EmulatorOptions, parseOrg, startEmulator } from './index';
import { parseSessionLength } from './schemas';

const START_URL = 'https://d-0000000000.awsapps.com/start';

function int(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

function range(name: string) {
  return (v: string): number | [number, number] => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(v);
    if (!m) throw new InvalidArgumentError(`${name} is N or MIN-MAX, e.g. 2 or 1-4`);
    return m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
  };
}

const program = new Command('emulator')
  .description(
    'Local IAM Identity Center (sso-oidc, portal, console federation) that AWS SDKs and botocore accept.',
  )
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--port <port>', 'port (0 = any free port)', int('--port', 0, 65535), 0)
  .option('--region <region>', 'region baked into client ids', 'us-east-1')
  .option('--accounts <n>', 'generate this many accounts', int('--accounts', 0, 100000), 12)
  .option(
    '--roles-per-account <n|min-max>',
    'roles per generated account',
    range('--roles-per-account'),
    [1, 4],
  )
  .option('--seed <n>', 'seed for the generated org', int('--seed', 0, 2 ** 31), 1)
  .option('--org <file>', 'JSON OrgSpec file ({"accounts":[{accountId, accountName, emailAddress, roles}]})')
  .option(
    '--page-size <n>',
    'default page size for ListAccounts/ListAccountRoles',
    int('--page-size', 1, 100),
    20,
  )
  .option('--latency <ms|min-max>', 'delay added to every API call', range('--latency'), 0)
  .addOption(new Option('--throttle <n|off>', 'portal requests per second (burst = n), or off').default('20'))
  .option(
    '--fault-rate <x>',
    'fraction of API calls that fail with a retryable error (half 5xx, half throttling)',
    '0',
  )
  .option('--auto-approve', 'approve device codes and /authorize without a click', false)
  .option(
    '--token-ttl <seconds>',
    'access-token lifetime for refreshable clients',
    int('--token-ttl', 1, 86400 * 7),
    3600,
  )
  .option(
    '--session-ttl <seconds>',
    'session (refresh-token) lifetime',
    int('--session-ttl', 1, 86400 * 90),
    28800,
  )
  .option(
    '--session-length <length>',
    'Identity Center session duration, e.g. 2m, 8h, 1d (same as --session-ttl, with units)',
  )
  .option('--quiet', 'do not log requests', false);

type Flags = {
  host: string;
  port: number;
  region: string;
  accounts: number;
  rolesPerAccount: number | [number, number];
  seed: number;
  org?: string;
  pageSize: number;
  latency: number | [number, number];
  throttle: string;
  faultRate: string;
  autoApprove: boolean;
  tokenTtl: number;
  sessionTtl: number;
  sessionLength?: string;
  quiet: boolean;
};

function sessionSeconds(f: Flags): number {
  if (f.sessionLength === undefined) return f.sessionTtl;
  try {
    return parseSessionLength(f.sessionLength);
  } catch (e) {
    throw new EmulatorError(`--session-length: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function options(f: Flags): Promise<EmulatorOptions> {
  let org: EmulatorOptions['org'] = {
    generate: { accounts: f.accounts, rolesPerAccount: f.rolesPerAccount, seed: f.seed },
  };
  if (f.org) {
    let text: string;
    try {
      text = await readFile(f.org, 'utf8');
    } catch (e) {
      throw new EmulatorError(
        `cannot read --org ${f.org}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
    try {
      org = parseOrg(JSON.parse(text));
    } catch (e) {
      throw new EmulatorError(`--org ${f.org}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const rate = Number(f.faultRate);
  if (!(rate >= 0 && rate <= 1)) throw new EmulatorError('--fault-rate must be a number from 0 to 1');
  let throttle: EmulatorOptions['throttle'] = false;
  if (f.throttle !== 'off') {
    const n = Number(f.throttle);
    if (!(n > 0)) throw new EmulatorError('--throttle must be a positive number or off');
    throttle = { ratePerSecond: n, burst: Math.max(1, n) };
  }
  return {
    host: f.host,
    port: f.port,
    region: f.region,
    org,
    pageSize: f.pageSize,
    latencyMs: typeof f.latency === 'number' ? f.latency : { min: f.latency[0], max: f.latency[1] },
    throttle,
    faults: { serverErrorRate: rate / 2, throttleRate: rate / 2 },
    autoApprove: f.autoApprove,
    accessTokenTtlSeconds: f.tokenTtl,
    sessionTtlSeconds: sessionSeconds(f),
    ...(f.quiet
      ? {}
      : {
          onRequest: (e) =>
            console.error(
              `${new Date().toISOString()} ${e.method} ${e.path} ${e.status} ${e.ms}ms${e.operation ? ` ${e.operation}` : ''}`,
            ),
        }),
  };
}

async function main(): Promise<void> {
  program.parse();
  const emu = await startEmulator(await options(program.opts<Flags>()));
  const first = emu.control.org().accounts.find((a) => a.roles.length > 0);
  console.log(`IAM Identity Center emulator listening on ${emu.url}

  export AWS_ENDPOINT_URL_SSO_OIDC=${emu.env.AWS_ENDPOINT_URL_SSO_OIDC}
  export AWS_ENDPOINT_URL_SSO=${emu.env.AWS_ENDPOINT_URL_SSO}
  export LANYARD_FEDERATION_URL=${emu.url}/federation

Sample ~/.aws/config (the start URL only looks like AWS; it is never fetched):

[sso-session emulator]
sso_start_url = ${START_URL}
sso_region = ${program.opts<Flags>().region}
sso_registration_scopes = sso:account:access
${
  first
    ? `
[profile emulator]
sso_session = emulator
sso_account_id = ${first.accountId}
sso_role_name = ${first.roles[0]}
region = ${program.opts<Flags>().region}
`
    : ''
}
Device codes: open ${emu.url}/device or POST ${emu.url}/_emulator/approve {"userCode":"XXXX-XXXX"}.
Ctrl-C stops.`);
  const stop = (signal: string) => {
    console.error(`${signal}: stopping`);
    void emu.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof EmulatorError ? 2 : 1);
});
