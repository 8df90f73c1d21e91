import type { Command } from 'commander';
import type { SsoSession } from '../../../app/domain/session';
import { LanyardError } from '../../../app/errors';
import { validateRegion } from '../../../app/validate';
import type { SignInPrompt } from '../../auth/prompts';
import type { Services } from '../../services';
import type { CliContext, RegisterCommand } from '../context';
import { pickSession } from '../shared/sessions';
import { cliStartUrl, customEndpointHelp, type StartUrlFlags } from '../shared/start-url';
import { examples } from '../shared/examples';

/** `d-1234567890.awsapps.com/start` → `d-1234567890`; `acme.awsapps.com` → `acme`. */
export function sessionNameFor(startUrl: string): string {
  const host = new URL(startUrl).hostname;
  const first = host.split('.')[0] ?? host;
  const name = first.replace(/[^\w\-@+.%:/]/g, '-');
  return name || 'sso';
}

async function sessionForStartUrl(
  ctx: CliContext,
  services: Services,
  start: StartUrlFlags,
  region: string,
): Promise<string> {
  const startUrl = cliStartUrl(start);
  const reg = validateRegion(region);
  if (!reg.ok) throw new LanyardError('BAD_INPUT', reg.message);
  const { sessions } = await services.loadSessions();
  const same = sessions.find(
    (s: SsoSession) => s.kind === 'sso-session' && s.startUrl === startUrl && s.region === reg.value,
  );
  if (same) {
    ctx.stderr.write(`Using the existing sso-session "${same.name}" for ${startUrl}.\n`);
    return same.name;
  }
  const base = sessionNameFor(startUrl);
  let name = base;
  for (let i = 2; sessions.some((s) => s.name === name); i++) name = `${base}-${i}`;
  await services.addSession({ name, startUrl, region: reg.value, customEndpoint: start.customEndpoint });
  ctx.stderr.write(`Added [sso-session ${name}] to ${ctx.paths.awsConfigFile}.\n`);
  return name;
}

/** On a machine reached over SSH the browser runs elsewhere, so a loopback redirect cannot arrive. */
function isRemote(env: CliContext['env']): boolean {
  return Boolean(env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY);
}

function printPrompt(ctx: CliContext, p: SignInPrompt): void {
  const out = ctx.stderr;
  if (p.kind === 'browser') {
    out.write(
      p.opened
        ? `Your browser should open to sign in to ${p.session}. If it does not, open this URL on this machine:\n\n  ${p.url}\n\n`
        : `Open this URL in a browser on this machine to sign in to ${p.session}:\n\n  ${p.url}\n\n`,
    );
  } else {
    out.write(
      `${p.opened ? 'Your browser should open. If it does not, open' : 'Open'} ${p.verificationUri}\n` +
        `and enter the code:\n\n  ${p.userCode}\n\n` +
        `Or open this link directly:\n  ${p.verificationUriComplete}\n\n`,
    );
  }
  out.write('Waiting for the sign-in to finish (Ctrl-C to cancel)...\n');
}

type LoginFlags = {
  session?: string;
  startUrl?: string;
  customEndpoint?: boolean;
  region?: string;
  deviceCode?: boolean;
  browser: boolean;
};

export const registerLogin: RegisterCommand = (program: Command, ctx: CliContext, services) => {
  program
    .command('login')
    .addHelpText('after', examples('lanyard login', 'lanyard login --session corp'))
    .description('sign in to an IAM Identity Center session (browser with PKCE, or a device code)')
    .option('--session <name>', 'the sso-session (or legacy profile) to sign in to')
    .option('--start-url <url>', 'sign in to this access portal, adding an sso-session for it if needed')
    .option('--custom-endpoint', customEndpointHelp)
    .option('--region <region>', 'the Identity Center region (with --start-url)')
    .option('--device-code', 'use a device code instead of the browser redirect (for remote machines)')
    .option('--no-browser', 'print the URL (and code) instead of opening a browser')
    .action(async (flags: LoginFlags) => {
      if (flags.startUrl && flags.session)
        throw new LanyardError('BAD_INPUT', 'Give either --session or --start-url, not both.');
      if (flags.startUrl && !flags.region)
        throw new LanyardError(
          'BAD_INPUT',
          '--start-url needs --region (the Identity Center region, e.g. us-east-1).',
        );
      if (flags.region && !flags.startUrl)
        throw new LanyardError(
          'BAD_INPUT',
          '--region goes with --start-url; a configured session has its own region.',
        );
      const name = flags.startUrl
        ? await sessionForStartUrl(ctx, services, { ...flags, startUrl: flags.startUrl }, flags.region!)
        : await pickSession(ctx, services, flags.session, { signedInFallback: false });
      let flow: 'pkce' | 'device' | undefined = flags.deviceCode ? 'device' : undefined;
      if (!flow && isRemote(ctx.env)) {
        ctx.stderr.write('This looks like an SSH session, so Lanyard uses a device code.\n');
        flow = 'device';
      }
      const result = await services.signIn.login(name, {
        flow,
        openBrowser: flags.browser,
        signal: ctx.signal,
        onPrompt: (p) => printPrompt(ctx, p),
      });
      ctx.stdout.write(
        `Signed in to ${result.session.name} (${result.session.startUrl}) until ${result.expiresAt}` +
          `${result.refreshable ? ', renewed automatically' : ''}.\n`,
      );
    });
};
