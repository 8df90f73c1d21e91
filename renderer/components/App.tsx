import { useSignInPrompts } from '../hooks/useSignInPrompt';
import { useSnapshot } from '../hooks/useSnapshot';
import { Window } from './Window';

/** Loads main's state; until it arrives (or when it cannot), says so. */
export function App() {
  const { snapshot, loadError, setSnapshot, reload } = useSnapshot();
  // Subscribed from the first render, before state.get answers: a prompt sent meanwhile is kept.
  const prompts = useSignInPrompts(
    snapshot?.sessions.filter((s) => s.signingIn).map((s) => s.session.name) ?? [],
  );
  if (snapshot) return <Window snapshot={snapshot} prompts={prompts} onSnapshot={setSnapshot} />;
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
