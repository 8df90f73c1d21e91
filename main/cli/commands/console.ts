import { LanyardError } from '../../../app/errors';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
import { resolveTarget } from '../shared/roles';
import { chooseSession } from '../shared/sessions';

type ConsoleFlags = {
  session?: string;
  region?: string;
  service?: string;
  portalLink?: boolean;
  duration?: string;
  logoutFirst?: boolean;
  print?: boolean;
};

function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new LanyardError('BAD_INPUT', `--duration takes whole seconds from 900 to 43200, not "${text}".`);
  return Number(text);
}

export const registerConsole: RegisterCommand = (program, ctx, services) => {
  program
    .command('console')
    .addHelpText(
      'after',
      examples(
        'lanyard console payments-prod ReadOnlyAccess --service ec2 --region eu-west-1',
        'lanyard console 123456789012 AdministratorAccess --print',
      ),
    )
    .description('open the AWS console as a role (federation sign-in, or the access-portal link)')
    .argument('<account>', 'account id or name')
    .argument('<role>', 'role name')
    .option('--session <name>', 'the sso-session (else LANYARD_SESSION, the default session, the only one)')
    .option('--region <region>', 'console region (also picks the regional sign-in host)')
    .option('--service <service>', 'land on a service: ec2, s3, iam, lambda, cloudwatch, … or a console path')
    .option('--portal-link', 'use the access-portal shortcut URL (no federation call)')
    .option('--duration <seconds>', 'console session length, 900–43200 seconds')
    .option('--logout-first', 'sign out of any console session in the browser first')
    .option('--print', 'print the URL instead of opening it (it signs in whoever opens it: keep it private)')
    .action(async (account: string, role: string, flags: ConsoleFlags) => {
      const durationSeconds = parseDuration(flags.duration);
      const session = await chooseSession(ctx, services, flags.session);
      const target = await resolveTarget(ctx, services, session, account, role);
      const url = await services.consoleUrl({
        session,
        accountId: target.accountId,
        roleName: target.roleName,
        region: flags.region,
        service: flags.service,
        portalLink: flags.portalLink,
        durationSeconds,
        logoutFirst: flags.logoutFirst,
        signal: ctx.signal,
      });
      if (flags.print) {
        ctx.stdout.write(`${url}\n`);
        return;
      }
      ctx.stderr.write(
        `Opening the console as ${target.roleName} in ${target.accountName ?? target.accountId}.\n`,
      );
      await ctx.openUrl(url);
    });
};
