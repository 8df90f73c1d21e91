import type { RegisterCommand } from '../context';
import { cliStartUrl, customEndpointHelp, type StartUrlFlags } from '../shared/start-url';
import { examples } from '../shared/examples';
import { registerSessionSet } from './session-length';

export const registerSessions: RegisterCommand = (program, ctx, services) => {
  const sessions = program
    .command('sessions')
    .description('the places you sign in ([sso-session] sections)')
    .addHelpText(
      'after',
      examples(
        'lanyard sessions add corp --start-url https://d-1234567890.awsapps.com/start --region us-east-1',
        'lanyard sessions list',
        'lanyard sessions set corp --default',
        'lanyard sessions set corp --session-length 12h',
      ),
    );
  sessions
    .command('add <name>')
    .description('add an [sso-session] to ~/.aws/config (the AWS CLI and SDKs use it too)')
    .requiredOption(
      '--start-url <url>',
      'your AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start',
    )
    .requiredOption('--region <region>', 'the IAM Identity Center region, e.g. us-east-1')
    .option('--scopes <list>', 'registration scopes, comma-separated', 'sso:account:access')
    .option('--custom-endpoint', customEndpointHelp)
    .action(async (name: string, flags: StartUrlFlags & { region: string; scopes: string }) => {
      const { changed } = await services.addSession({
        name,
        startUrl: cliStartUrl(flags),
        region: flags.region,
        scopes: flags.scopes.split(','),
        customEndpoint: flags.customEndpoint === true,
      });
      ctx.stdout.write(
        changed
          ? `Added [sso-session ${name}] to ${ctx.paths.awsConfigFile}. Sign in with: lanyard login --session ${name}\n`
          : `[sso-session ${name}] is already configured with these settings.\n`,
      );
    });
  registerSessionSet(sessions, ctx, services);
  sessions
    .command('list')
    .description('list the configured sessions')
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }) => {
      const found = await services.loadSessions();
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        return;
      }
      for (const w of found.warnings) ctx.stderr.write(`warning: ${w}\n`);
      if (found.sessions.length === 0) {
        ctx.stdout.write('No sessions are configured.\n');
        return;
      }
      for (const s of found.sessions) ctx.stdout.write(`${s.name}\t${s.kind}\t${s.region}\t${s.startUrl}\n`);
    });
};
