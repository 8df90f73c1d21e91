import { useState } from 'react';
import type { SessionView } from '../../app/ipc/contract';
import { useSignInPrompts } from '../hooks/useSignInPrompt';
import { useSnapshot } from '../hooks/useSnapshot';
import { AddSessionForm } from './AddSessionForm';
import { MainView } from './MainView';
import { SettingsPanel } from './SettingsPanel';
import { SignInView } from './SignInView';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';

export type View = 'roles' | 'add' | 'settings';

/** The session shown when the person has not picked one: a signed-in one if any. */
function defaultSession(sessions: SessionView[]): SessionView | undefined {
  return sessions.find((s) => s.state === 'signed-in') ?? sessions.find((s) => s.signingIn) ?? sessions[0];
}

export function App() {
  const { snapshot, loadError, setSnapshot, reload } = useSnapshot();
  const prompts = useSignInPrompts(
    snapshot?.sessions.filter((s) => s.signingIn).map((s) => s.session.name) ?? [],
  );
  const [picked, setPicked] = useState<string>();
  const [view, setView] = useState<View>('roles');

  if (!snapshot) {
    return (
      <main className="app app--center">
        {loadError ? (
          <div className="state" role="alert">
            <h1>Lanyard could not start</h1>
            <p>{loadError.message}</p>
            {loadError.hint && <p className="muted">{loadError.hint}</p>}
            <button className="btn btn--primary" onClick={reload}>
              Try again
            </button>
          </div>
        ) : (
          <p className="muted" aria-live="polite">
            Loading…
          </p>
        )}
      </main>
    );
  }

  const sessions = snapshot.sessions;
  const current = sessions.find((s) => s.session.name === picked) ?? defaultSession(sessions);
  const showAdd = view === 'add' || !current;

  let body;
  if (view === 'settings') {
    body = (
      <SettingsPanel
        settings={snapshot.settings}
        sessions={snapshot.sessions}
        onSaved={(settings) => setSnapshot({ ...snapshot, settings })}
        onClose={() => setView('roles')}
      />
    );
  } else if (showAdd || !current) {
    body = (
      <AddSessionForm
        first={sessions.length === 0}
        existing={sessions.map((s) => s.session.name)}
        onAdded={(s, name) => {
          setSnapshot(s);
          setPicked(name);
          setView('roles');
        }}
        onCancel={sessions.length > 0 ? () => setView('roles') : undefined}
      />
    );
  } else if (current.state !== 'signed-in' || current.signingIn) {
    body = (
      <SignInView
        key={current.session.name}
        view={current}
        settings={snapshot.settings}
        prompt={prompts.get(current.session.name)}
        onSnapshot={setSnapshot}
      />
    );
  } else {
    body = (
      <MainView key={current.session.name} view={current} snapshot={snapshot} onSnapshot={setSnapshot} />
    );
  }

  return (
    <main className="app">
      <TopBar
        sessions={sessions}
        current={showAdd && view !== 'settings' ? undefined : current}
        view={view}
        online={snapshot.online}
        warnings={snapshot.warnings}
        onPick={(name) => {
          setPicked(name);
          setView('roles');
        }}
        onView={setView}
      />
      {body}
      <Toasts />
    </main>
  );
}
