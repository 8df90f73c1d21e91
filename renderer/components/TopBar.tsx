import type { SessionView } from '../../app/ipc/contract';
import type { View } from './App';
import { Icon } from './Icon';

type Props = {
  sessions: SessionView[];
  current: SessionView | undefined;
  view: View;
  online: boolean;
  warnings: string[];
  onPick: (name: string) => void;
  onView: (v: View) => void;
};

const stateLabel: Record<SessionView['state'], string> = {
  'signed-in': 'signed in',
  'signed-out': 'signed out',
  expired: 'expired',
};

/** Session switcher, settings, and the app-wide banners (offline, config warnings). */
export function TopBar({ sessions, current, view, online, warnings, onPick, onView }: Props) {
  return (
    <>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          ◆
        </span>
        {sessions.length > 1 ? (
          <select
            className="switcher"
            aria-label="Session"
            value={current?.session.name ?? ''}
            onChange={(e) => (e.target.value === '' ? onView('add') : onPick(e.target.value))}
          >
            {sessions.map((s) => (
              <option key={s.session.name} value={s.session.name}>
                {s.session.name} — {s.signingIn ? 'signing in' : stateLabel[s.state]}
              </option>
            ))}
            <option value="">Add a session…</option>
          </select>
        ) : (
          <span className="topbar__title">{current?.session.name ?? 'Lanyard'}</span>
        )}
        <span className="spacer" />
        {sessions.length === 1 && view !== 'add' && (
          <button
            className="icon-btn"
            title="Add a session"
            aria-label="Add a session"
            onClick={() => onView('add')}
          >
            <Icon name="plus" />
          </button>
        )}
        <button
          className="icon-btn"
          aria-pressed={view === 'settings'}
          title="Settings"
          aria-label="Settings"
          onClick={() => onView(view === 'settings' ? 'roles' : 'settings')}
        >
          <Icon name="gear" />
        </button>
      </header>
      {!online && (
        <div className="banner banner--warn" role="status">
          <strong>Offline.</strong> Showing cached roles; Lanyard retries when the network is back.
        </div>
      )}
      {warnings.map((w) => (
        <div key={w} className="banner banner--warn" role="status">
          {w}
        </div>
      ))}
    </>
  );
}
