import { useState } from 'react';
import type { AppSnapshot, SessionView, SignInPrompt } from '../../app/ipc/contract';
import type { Settings } from '../../app/settings/schema';
import { invoke } from '../bridge';
import { useToasts } from '../hooks/useToasts';
import { DevicePrompt } from './DevicePrompt';

type Props = {
  view: SessionView;
  settings: Settings;
  prompt: Exclude<SignInPrompt, { kind: 'done' }> | undefined;
  onSnapshot: (s: AppSnapshot) => void;
  /** Back to the role list, when another session has one. */
  onBack: (() => void) | undefined;
};
type Flow = Settings['signInFlow'];

/** Signed out, expired, or signing in: says which, why, and the one thing to do next. */
export function SignInView({ view, settings, prompt, onSnapshot, onBack }: Props) {
  const [flow, setFlow] = useState<Flow>(settings.signInFlow);
  const [pending, setPending] = useState(false);
  const { toast, fail } = useToasts();
  const name = view.session.name;
  const signingIn = view.signingIn || pending;

  const run = async (command: 'auth.signIn' | 'auth.startFresh') => {
    setPending(true);
    const r = await invoke(command, { session: name, flow });
    setPending(false);
    if (r.ok) onSnapshot(r.value);
    else if (r.error.code === 'CANCELLED') toast('Sign-in cancelled.');
    else fail(r.error);
  };
  const cancel = async () => {
    const r = await invoke('auth.cancelSignIn', { session: name });
    if (!r.ok) fail(r.error);
  };

  if (signingIn) {
    return (
      <section className="panel" aria-busy="true">
        <h1>Signing in to {name}</h1>
        {prompt?.kind === 'device' ? (
          <DevicePrompt session={name} prompt={prompt} />
        ) : (
          <>
            <div className="progress progress--indeterminate" role="progressbar" aria-label="Signing in" />
            <p>
              {prompt?.kind === 'browser'
                ? 'Approve the request in the browser window that opened.'
                : 'Opening your browser…'}
            </p>
            <p className="muted small">Lanyard continues as soon as you approve. Nothing to copy.</p>
          </>
        )}
        <div className="row-end">
          <button className="btn" onClick={() => void cancel()}>
            Cancel sign-in
          </button>
        </div>
      </section>
    );
  }

  const expired = view.state === 'expired';
  return (
    <section className="panel">
      <h1>{expired ? `${name}: session ended` : `Sign in to ${name}`}</h1>
      <p className="muted small mono break">{view.session.startUrl}</p>
      {/* One plain sentence; main's reason, which can be long and technical, is one click away. */}
      <p>
        {expired
          ? 'Your sign-in has ended. Sign in again to see your accounts.'
          : 'You are signed out. Sign in to list the accounts and roles you can use.'}
      </p>
      {expired && (
        <p className="muted small">
          Sign in again to carry on at once; choose Start fresh session if the portal may still hold the old
          sign-in, so the new one gets its full length from now.
        </p>
      )}
      {view.reason && (
        <details className="small muted reason">
          <summary>Why?</summary>
          <p>{view.reason}</p>
        </details>
      )}
      <fieldset className="choice">
        <legend>Sign in with</legend>
        <label>
          <input type="radio" name="flow" checked={flow === 'pkce'} onChange={() => setFlow('pkce')} />
          Browser <span className="muted small">(recommended)</span>
        </label>
        <label>
          <input type="radio" name="flow" checked={flow === 'device'} onChange={() => setFlow('device')} />
          Device code <span className="muted small">(type a code in any browser)</span>
        </label>
      </fieldset>
      <div className="row-end">
        {onBack && (
          <button className="btn" onClick={onBack}>
            Back to roles
          </button>
        )}
        {expired && (
          <button
            className="btn"
            title="Sign out of the portal first, so the new session gets a full lifetime"
            onClick={() => void run('auth.startFresh')}
          >
            Start fresh session
          </button>
        )}
        <button className="btn btn--primary" autoFocus onClick={() => void run('auth.signIn')}>
          {expired ? 'Sign in again' : 'Sign in'}
        </button>
      </div>
    </section>
  );
}
