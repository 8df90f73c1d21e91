import { loadSessions } from '../../config/sessions';
import type { RegisterCommand } from './index';
import { pickSession, signInFromContext } from './login';

export const registerLogout: RegisterCommand = (program, ctx) => {
  program
    .command('logout')
    .description('sign out: end the portal session and delete the cached token (the AWS CLI shares it)')
    .option('--session <name>', 'the session to sign out of')
    .option('--all', 'sign out of every configured session')
    .action(async (flags: { session?: string; all?: boolean }) => {
      const manager = signInFromContext(ctx);
      const names = flags.all
        ? (await loadSessions(ctx.paths)).sessions.map((s) => s.name)
        : [await pickSession(ctx, flags.session)];
      for (const name of names) {
        const { wasSignedIn } = await manager.logout(name);
        ctx.stdout.write(wasSignedIn ? `Signed out of ${name}.\n` : `${name} was not signed in.\n`);
      }
      if (names.length === 0) ctx.stdout.write('No sessions are configured.\n');
    });
};
