import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';
import { pickSession } from '../shared/sessions';

export const registerLogout: RegisterCommand = (program, ctx, services) => {
  program
    .command('logout')
    .addHelpText('after', examples('lanyard logout --session corp', 'lanyard logout --all'))
    .description('sign out: end the portal session and delete the cached token (the AWS CLI shares it)')
    .option('--session <name>', 'the session to sign out of')
    .option('--all', 'sign out of every configured session')
    .action(async (flags: { session?: string; all?: boolean }) => {
      const names = flags.all
        ? (await services.loadSessions()).sessions.map((s) => s.name)
        : [await pickSession(ctx, services, flags.session)];
      for (const name of names) {
        const { wasSignedIn } = await services.signIn.logout(name);
        ctx.stdout.write(wasSignedIn ? `Signed out of ${name}.\n` : `${name} was not signed in.\n`);
      }
      if (names.length === 0) ctx.stdout.write('No sessions are configured.\n');
    });
};
