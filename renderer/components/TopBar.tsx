import type { SessionView } from '../../app/ipc/contract';
import { keys } from '../shortcuts';
import type { View } from './Window';
import { Icon } from './Icon';
import { Menu, type MenuGroup } from './Menu';

type Props = {
  view: View['kind'];
  sessions: SessionView[];
  onView: (v: 'roles' | 'add') => void;
  onToggleSettings: () => void;
  /** Absent where there is no role list to refresh. */
  onRefresh: (() => void) | undefined;
  onHelp: () => void;
  onWriteAll: (session: string) => void;
  onAuth: (command: 'auth.signOut' | 'auth.startFresh', session: string) => void;
};

/** Brand, refresh, the menu (app and per-session commands, each with its shortcut) and settings. */
export function TopBar({
  view,
  sessions,
  onView,
  onToggleSettings,
  onRefresh,
  onHelp,
  onWriteAll,
  onAuth,
}: Props) {
  const signedIn = sessions.filter((s) => s.state === 'signed-in' && !s.signingIn);
  const listing = signedIn.some((s) => s.listing && s.listing.phase !== 'done');
  const groups: MenuGroup[] = [
    {
      items: [
        ...(onRefresh ? [{ label: 'Refresh roles', hint: keys.refresh, onSelect: onRefresh }] : []),
        { label: 'Add a session…', onSelect: () => onView('add') },
        { label: 'Keyboard shortcuts', hint: keys.shortcuts, onSelect: onHelp },
        { label: 'Settings', hint: keys.settings, onSelect: onToggleSettings },
      ],
    },
    ...signedIn.map((s) => ({
      label: s.session.name,
      items: [
        { label: 'Write all profiles…', onSelect: () => onWriteAll(s.session.name) },
        { label: 'Start fresh session', onSelect: () => onAuth('auth.startFresh', s.session.name) },
        { label: 'Sign out', onSelect: () => onAuth('auth.signOut', s.session.name) },
      ],
    })),
  ];
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        ◆
      </span>
      <span className="topbar__title">Lanyard</span>
      <span className="spacer" />
      {onRefresh && (
        <button
          className="icon-btn"
          title={`Refresh roles (${keys.refresh})`}
          aria-label="Refresh roles"
          aria-keyshortcuts={keys.refresh}
          disabled={listing}
          onClick={onRefresh}
        >
          <Icon name="refresh" />
        </button>
      )}
      <Menu label="Menu" groups={groups} />
      <button
        className="icon-btn"
        aria-pressed={view === 'settings'}
        title={`Settings (${keys.settings})`}
        aria-label="Settings"
        aria-keyshortcuts="Control+Comma"
        onClick={onToggleSettings}
      >
        <Icon name="gear" />
      </button>
    </header>
  );
}
