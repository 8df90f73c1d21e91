/**
 * "Your corp sessions seem to last 12 h. Remember?": one desktop notification per observed length
 * (main/auth/sign-in-history learns it from a refused renewal); its action stores the length as
 * observed, after which the end of every later sign-in is counted with it.
 */
import type { SessionStatus } from '../../app/domain/session';
import type { Settings } from '../../app/settings/schema';
import { formatSessionLength } from '../../app/schedule/session-length';
import { withSessionLength } from '../settings/session-lengths';
import type { Notifier } from '../platform/types';

export type SessionLengthOffer = { update(statuses: readonly SessionStatus[]): void };

export function createSessionLengthOffer(opts: {
  notifier: Notifier;
  settings: () => Settings;
  save: (next: Settings) => void;
}): SessionLengthOffer {
  const offered = new Set<string>();
  return {
    update(statuses) {
      for (const s of statuses) {
        const seconds = s.observedSessionLength;
        const name = s.session.name;
        if (seconds === undefined || offered.has(`${name}:${seconds}`)) continue;
        offered.add(`${name}:${seconds}`);
        opts.notifier.show(
          {
            id: `session-length:${name}`,
            title: `Your ${name} sessions seem to last ${formatSessionLength(seconds)}.`,
            body: 'Remember? Lanyard will then warn before each one ends at the right time.',
            actionLabel: 'Remember',
          },
          () => opts.save(withSessionLength(opts.settings(), name, seconds, 'observed')),
        );
      }
    },
  };
}
