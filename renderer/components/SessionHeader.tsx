import type { AppSnapshot, SessionView } from '../../app/ipc/contract';
import { invoke } from '../bridge';
import { countdown, formatAgo } from '../../app/format/duration';
import { endText, intlClock } from '../../app/schedule/end-text';
import { useNow } from '../hooks/useNow';
import { useEffect, useRef, useState } from 'react';
import { useToasts } from '../hooks/useToasts';
import { Icon } from './Icon';

type Props = {
  view: SessionView;
  roleCount: number | undefined;
  onRefresh: () => void;
  onWriteAll: () => void;
  onSnapshot: (s: AppSnapshot) => void;
};

const sourceWords = {
  token: 'This sign-in cannot renew itself: it ends when its token expires.',
  default: "Counted from your sign-in with Identity Center's default session length (8 h).",
  configured: "Counted from your sign-in with the session length in this session's settings.",
  observed: 'Counted from your sign-in with the session length Lanyard observed.',
};

/** Hover text: when, and how it was worked out. */
function endTitle(view: SessionView, ends: string): string {
  const lines = [`Session ends ${new Date(ends).toLocaleString()}.`];
  if (view.usableUntilBasis) lines.push(view.usableUntilBasis);
  else if (view.usableUntilSource) lines.push(sourceWords[view.usableUntilSource]);
  if (view.signedInAt)
    lines.push(
      `Signed in ${new Date(view.signedInAt).toLocaleString()}${view.usableUntilEstimate ? ' (estimated)' : ''}.`,
    );
  return lines.join('\n');
}

const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** When the session ends (how, on hover), the token's renewal, listing status and the session's menu. */
export function SessionHeader({ view, roleCount, onRefresh, onWriteAll, onSnapshot }: Props) {
  const ends = view.usableUntil ?? view.expiresAt;
  const now = useNow(ends);
  const { fail } = useToasts();
  const left = ends ? Date.parse(ends) - now : undefined;
  const listing = view.listing && view.listing.phase !== 'done' ? view.listing : undefined;

  const menu = useRef<HTMLDetailsElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = () => menu.current?.removeAttribute('open');
  // <details> does not close by itself on an outside click or Esc; a menu should.
  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) closeMenu();
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        closeMenu();
        menu.current?.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);
  const run = async (command: 'auth.signOut' | 'auth.startFresh') => {
    closeMenu();
    const r = await invoke(command, { session: view.session.name });
    if (r.ok) onSnapshot(r.value);
    else fail(r.error);
  };

  return (
    <div className="session-bar">
      <span
        className={left !== undefined && left < 15 * 60_000 ? 'countdown countdown--soon' : 'countdown'}
        title={ends ? endTitle(view, ends) : undefined}
      >
        {ends ? capitalize(endText(Date.parse(ends), now, intlClock())) : 'Signed in'}
      </span>
      {view.refreshable && view.expiresAt && (
        <span className="muted small" title="The access token renews itself until the session ends">
          token renews in {countdown(Date.parse(view.expiresAt) - now)}
        </span>
      )}
      <span className="spacer" />
      <span className="muted small" aria-live="polite">
        {listing
          ? listing.phase === 'accounts'
            ? 'Listing accounts…'
            : `Roles ${listing.accountsDone}/${listing.accountsTotal}`
          : roleCount !== undefined
            ? `${roleCount.toLocaleString()} roles · ${formatAgo(view.rolesFetchedAt, now)}`
            : ''}
      </span>
      <button
        className="icon-btn"
        title="Refresh roles"
        aria-label="Refresh roles"
        disabled={listing !== undefined}
        onClick={onRefresh}
      >
        <Icon name="refresh" />
      </button>
      <details className="menu" ref={menu} onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
        <summary className="icon-btn" aria-label="Session menu" title="Session menu">
          <Icon name="more" />
        </summary>
        <div className="menu__items" role="menu">
          <button
            role="menuitem"
            onClick={() => {
              closeMenu();
              onWriteAll();
            }}
          >
            Write all profiles…
          </button>
          <button role="menuitem" onClick={() => void run('auth.startFresh')}>
            Start fresh session
          </button>
          <button role="menuitem" onClick={() => void run('auth.signOut')}>
            Sign out
          </button>
        </div>
      </details>
    </div>
  );
}
