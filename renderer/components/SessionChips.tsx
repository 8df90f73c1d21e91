import type { SessionView } from '../../app/ipc/contract';
import { formatAgo, formatRemaining } from '../format';
import { endingSoonMs, sessionEnds } from '../messages';

type Props = {
  sessions: SessionView[];
  /** Sessions whose last listing failed (main's word or the renderer's own roles.get). */
  failed: ReadonlySet<string>;
  filter: string | undefined;
  now: number;
  onFilter: (name: string | undefined) => void;
  onSignIn: (name: string) => void;
};

type Chip = { text: string; tone: 'ok' | 'warn' | 'error' | 'off' };

/** Each session's state in a word or two: signed in, ending, listing, or error. */
export function chipState(s: SessionView, failed: boolean, now: number): Chip {
  if (s.signingIn) return { text: 'signing in', tone: 'warn' };
  if (s.state === 'expired') return { text: 'ended', tone: 'error' };
  if (s.state === 'signed-out') return { text: 'signed out', tone: 'off' };
  const ends = sessionEnds(s);
  if (ends !== undefined && ends <= now) return { text: 'ended', tone: 'error' };
  const listing = s.listing && s.listing.phase !== 'done' ? s.listing : undefined;
  if (listing)
    return {
      text:
        listing.phase === 'roles' ? `listing ${listing.accountsDone}/${listing.accountsTotal}` : 'listing',
      tone: 'ok',
    };
  if (failed) return { text: 'listing failed', tone: 'error' };
  if (ends !== undefined)
    return {
      text: `ends in ${formatRemaining(ends - now)}`,
      tone: ends - now < endingSoonMs ? 'warn' : 'ok',
    };
  return { text: 'signed in', tone: 'ok' };
}

/**
 * One chip per session: its state always in view, and a filter for the role list (pressed: only
 * that session's roles). A session that needs a sign-in opens its sign-in screen instead.
 */
export function SessionChips({ sessions, failed, filter, now, onFilter, onSignIn }: Props) {
  const multi = sessions.length > 1;
  return (
    <nav className="chips" aria-label="Sessions">
      {sessions.map((s) => {
        const name = s.session.name;
        const chip = chipState(s, failed.has(name), now);
        const usable = s.state === 'signed-in' && !s.signingIn && chip.tone !== 'error';
        const title = [
          s.session.startUrl,
          s.usableUntil || s.expiresAt
            ? `until ${new Date(s.usableUntil ?? s.expiresAt!).toLocaleString()}`
            : undefined,
          s.rolesFetchedAt ? `roles listed ${formatAgo(s.rolesFetchedAt, now)}` : undefined,
        ]
          .filter(Boolean)
          .join(' · ');
        const body = (
          <>
            <span className={`dot dot--${chip.tone}`} aria-hidden="true" />
            <span className="chip__name">{name}</span>
            <span className="chip__state">{chip.text}</span>
          </>
        );
        if (usable && !multi)
          return (
            <span key={name} className="chip chip--static" title={title}>
              {body}
            </span>
          );
        return (
          <button
            key={name}
            className="chip"
            title={title}
            aria-pressed={usable ? filter === name : undefined}
            onClick={() => (usable ? onFilter(filter === name ? undefined : name) : onSignIn(name))}
          >
            {body}
          </button>
        );
      })}
    </nav>
  );
}
