import { useSnapshot } from '../hooks/useSnapshot';
import { Window } from './Window';

/** Loads main's state; until it arrives (or when it cannot), says so. */
export function App() {
  const { snapshot, loadError, setSnapshot, reload } = useSnapshot();
  if (snapshot) return <Window snapshot={snapshot} onSnapshot={setSnapshot} />;
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
