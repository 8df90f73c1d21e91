import { useEffect, useMemo, useState } from 'react';
import type { AppSnapshot, SessionView, SignInPrompt } from '../../app/ipc/contract';
import { invoke } from '../bridge';
import {
  pruneDismissed,
  sessionEnds,
  windowMessages,
  type MessageAction,
  type SessionFacts,
} from '../messages';
import { keys } from '../shortcuts';
import { useAllRoles } from '../hooks/useAllRoles';
import { useNow } from '../hooks/useNow';
import { useRoleActions } from '../hooks/useRoleActions';
import { useToasts } from '../hooks/useToasts';
import { AddSessionForm } from './AddSessionForm';
import { Banners } from './Banners';
import { MainView } from './MainView';
import { ProfilesDialog } from './ProfilesDialog';
import { SessionChips } from './SessionChips';
import { SettingsPanel } from './SettingsPanel';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SignInView } from './SignInView';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';

export type View =
  { kind: 'roles' } | { kind: 'add' } | { kind: 'settings' } | { kind: 'signIn'; session: string };

const needsSignIn = (s: SessionView) => s.state !== 'signed-in' || s.signingIn;
const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && t.closest('input, textarea, select, [contenteditable]') !== null;

/** The window once main's state is here: which screen, the sessions' chips and messages, the keys. */
export function Window({
  snapshot,
  prompts,
  onSnapshot,
}: {
  snapshot: AppSnapshot;
  /** The running sign-ins' prompts, per session (App subscribes before the first snapshot). */
  prompts: ReadonlyMap<string, Exclude<SignInPrompt, { kind: 'done' }>>;
  onSnapshot: (s: AppSnapshot) => void;
}) {
  const { fail, clear } = useToasts();
  const actions = useRoleActions(snapshot, onSnapshot);
  const [view, setView] = useState<View>({ kind: 'roles' });
  const [filter, setFilter] = useState<string>();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [help, setHelp] = useState(false);

  const sessions = snapshot.sessions;
  const signedIn = sessions.filter((s) => s.state === 'signed-in');
  const { bySession, refresh } = useAllRoles(
    signedIn.map((s) => ({ name: s.session.name, rolesFetchedAt: s.rolesFetchedAt })),
  );
  const soonest = sessions
    .map((s) => sessionEnds(s))
    .filter((t) => t !== undefined)
    .sort((a, b) => a - b)[0];
  const now = useNow(soonest === undefined ? undefined : new Date(soonest).toISOString());

  // Which screen: the person's choice where it still makes sense, else what the sessions call for.
  const byName = (name: string) => sessions.find((s) => s.session.name === name);
  let screen: 'settings' | 'add' | 'signIn' | 'roles';
  let signInFor: SessionView | undefined;
  if (view.kind === 'settings') screen = 'settings';
  else if (view.kind === 'add' || sessions.length === 0) screen = 'add';
  else if (view.kind === 'signIn' && byName(view.session) && needsSignIn(byName(view.session)!)) {
    screen = 'signIn';
    signInFor = byName(view.session);
  } else if (!sessions.some((s) => !needsSignIn(s))) {
    screen = 'signIn';
    signInFor = sessions.find((s) => s.signingIn) ?? sessions[0];
  } else screen = 'roles';
  const screenKey = `${screen}:${signInFor?.session.name ?? ''}`;
  // A toast belongs to the screen it was raised on.
  useEffect(() => clear(), [screenKey, clear]);

  const shown = filter && signedIn.some((s) => s.session.name === filter) ? filter : undefined;
  const listed = signedIn.filter((s) => !needsSignIn(s) && (!shown || s.session.name === shown));
  const failed = new Set(
    sessions
      .filter((s) => {
        const listing = s.listing && s.listing.phase !== 'done';
        return !listing && (bySession.get(s.session.name)?.error ?? s.listingError);
      })
      .map((s) => s.session.name),
  );
  const facts: SessionFacts[] = sessions.map((s) => {
    const own = bySession.get(s.session.name);
    const error = own?.error ?? s.listingError;
    return {
      ...s,
      name: s.session.name,
      ...(error ? { listingError: { code: error.code, message: error.message } } : {}),
      hasRoles: (own?.roles?.length ?? 0) > 0,
    };
  });
  const current = windowMessages(facts, snapshot.online, snapshot.warnings, now, new Set());
  const messages = current.filter((m) => !(m.dismissable && dismissed.has(m.key)));
  const liveKeys = current.map((m) => m.key).join('\n');
  // Adjusted while rendering (React's pattern for state derived from a change), not in an effect.
  const [seenKeys, setSeenKeys] = useState(liveKeys);
  if (seenKeys !== liveKeys) {
    setSeenKeys(liveKeys);
    setDismissed((prev) => pruneDismissed(prev, current));
  }

  const refreshShown = () => listed.forEach((s) => refresh(s.session.name));
  const runAuth = async (command: 'auth.signOut' | 'auth.startFresh', session: string) => {
    const r = await invoke(command, { session });
    if (r.ok) onSnapshot(r.value);
    else fail(r.error);
  };
  const onAction = (kind: MessageAction, session: string | undefined) => {
    if (!session) return;
    if (kind === 'retry') refresh(session);
    else setView({ kind: 'signIn', session });
  };
  const toggleSettings = () => setView(view.kind === 'settings' ? { kind: 'roles' } : { kind: 'settings' });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === keys.refresh) refreshShown();
      else if (mod && e.key === ',') toggleSettings();
      else if (e.key === '?' && !isTyping(e.target)) setHelp(true);
      else if (
        e.key === '?' &&
        e.target instanceof HTMLInputElement &&
        e.target.type === 'search' &&
        e.target.value === ''
      )
        setHelp(true);
      else if (e.key === 'Escape' && view.kind === 'settings') setView({ kind: 'roles' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Keyed by the names: `listed` is a new array each render, the roles only change with these.
  const listedNames = listed.map((s) => s.session.name).join('\n');
  const roles = useMemo(
    () => listedNames.split('\n').flatMap((name) => bySession.get(name)?.roles ?? []),
    [bySession, listedNames],
  );
  const loaded = listed.some((s) => bySession.get(s.session.name)?.roles !== undefined);
  // Each session's list comes in the one order: only lists of two sessions need merging.
  const inOrder = listed.filter((s) => (bySession.get(s.session.name)?.roles?.length ?? 0) > 0).length <= 1;

  let body;
  if (screen === 'settings') {
    body = (
      <SettingsPanel
        settings={snapshot.settings}
        sessions={snapshot.sessions}
        onSaved={(settings) => onSnapshot({ ...snapshot, settings })}
        onClose={() => setView({ kind: 'roles' })}
      />
    );
  } else if (screen === 'add') {
    body = (
      <AddSessionForm
        first={sessions.length === 0}
        existing={sessions.map((s) => s.session.name)}
        onAdded={(s, name) => {
          onSnapshot(s);
          setView({ kind: 'signIn', session: name });
        }}
        onCancel={sessions.length > 0 ? () => setView({ kind: 'roles' }) : undefined}
      />
    );
  } else if (screen === 'signIn' && signInFor) {
    body = (
      <SignInView
        key={signInFor.session.name}
        view={signInFor}
        settings={snapshot.settings}
        prompt={prompts.get(signInFor.session.name)}
        onSnapshot={onSnapshot}
        onBack={sessions.some((s) => !needsSignIn(s)) ? () => setView({ kind: 'roles' }) : undefined}
      />
    );
  } else {
    body = (
      <MainView
        roles={loaded ? roles : undefined}
        rolesInOrder={inOrder}
        sessions={listed}
        multi={signedIn.length > 1}
        failed={listed.every((s) => failed.has(s.session.name))}
        snapshot={snapshot}
        actions={actions}
      />
    );
  }

  const showChips = screen === 'roles' || screen === 'signIn';
  return (
    <main className="app">
      <TopBar
        view={view.kind}
        sessions={sessions}
        onView={(kind) => setView({ kind })}
        onToggleSettings={toggleSettings}
        onRefresh={screen === 'roles' ? refreshShown : undefined}
        onHelp={() => setHelp(true)}
        onWriteAll={(session) => actions.planProfiles(session)}
        onAuth={(command, session) => void runAuth(command, session)}
      />
      {showChips && (
        <SessionChips
          sessions={sessions}
          failed={failed}
          filter={shown}
          now={now}
          onFilter={setFilter}
          onSignIn={(session) => setView({ kind: 'signIn', session })}
        />
      )}
      {screen !== 'settings' && (
        <Banners
          messages={messages.filter(
            (m) => !(screen === 'signIn' && m.key.startsWith(`${signInFor?.session.name}:`)),
          )}
          onAction={onAction}
          onDismiss={(key) => setDismissed((prev) => new Set(prev).add(key))}
        />
      )}
      {body}
      {actions.plan && <ProfilesDialog plan={actions.plan} onClose={actions.closePlan} />}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
      <Toasts />
    </main>
  );
}
