import type { SsoSession } from '../../../app/domain/session';
import { LanyardError } from '../../../app/errors';
import type { Services } from '../../services';
import type { CliContext } from '../context';

/**
 * The session a command acts on: the one named, else the only one configured. With several and
 * none named, the person has to choose (AMBIGUOUS, with the names as candidates).
 */
export async function pickSession(
  ctx: CliContext,
  services: Services,
  name: string | undefined,
): Promise<string> {
  const { sessions, warnings } = await services.readSessions();
  // A broken config explains a missing session better than "unknown session" alone.
  const problems = warnings.length
    ? `Problems in the config file:\n    ${warnings.join('\n    ')}`
    : undefined;
  if (name) {
    if (sessions.some((s) => s.name === name)) return name;
    const names = sessions.map((s) => s.name);
    throw new LanyardError(
      'UNKNOWN_SESSION',
      names.length
        ? `There is no session "${name}". Known sessions: ${names.join(', ')}.`
        : `There is no session "${name}": no sessions are configured in ${ctx.paths.awsConfigFile}.`,
      { candidates: names, hint: problems },
    );
  }
  if (sessions.length === 1) return sessions[0]!.name;
  if (sessions.length === 0)
    throw new LanyardError('UNKNOWN_SESSION', `No sessions are configured in ${ctx.paths.awsConfigFile}.`, {
      hint:
        problems ??
        'Add one: lanyard sessions add NAME --start-url URL --region REGION (or lanyard login --start-url URL --region REGION)',
    });
  throw new LanyardError('AMBIGUOUS', 'Several sessions are configured; choose one with --session NAME.', {
    candidates: sessions.map((s) => s.name),
  });
}

/** `--session NAME` (or the only session) as the full session. */
export async function chooseSession(
  ctx: CliContext,
  services: Services,
  name: string | undefined,
): Promise<SsoSession> {
  return services.getSession(await pickSession(ctx, services, name));
}
