import type { SignInPrompt } from '../../app/ipc/contract';
import { invoke } from '../bridge';
import { countdown } from '../../app/format/duration';
import { useNow } from '../hooks/useNow';
import { useToasts } from '../hooks/useToasts';

type Props = { session: string; prompt: Extract<SignInPrompt, { kind: 'device' }> };

/** The device code, large, with copy and open buttons: main does both, the renderer only asks. */
export function DevicePrompt({ session, prompt }: Props) {
  const now = useNow(prompt.expiresAt);
  const { toast, fail } = useToasts();
  const left = Date.parse(prompt.expiresAt) - now;
  const host = (() => {
    try {
      return new URL(prompt.verificationUri).host;
    } catch {
      return prompt.verificationUri;
    }
  })();

  const copy = async () => {
    const r = await invoke('auth.copyUserCode', { session });
    if (r.ok) toast('Code copied.');
    else fail(r.error);
  };
  const open = async () => {
    const r = await invoke('auth.openVerification', { session });
    if (!r.ok) fail(r.error);
  };

  return (
    <div className="device">
      <p>Enter this code at {host}:</p>
      <output className="device__code" aria-label={`Device code ${prompt.userCode.split('').join(' ')}`}>
        {prompt.userCode}
      </output>
      <div className="row-center">
        <button className="btn" onClick={() => void copy()}>
          Copy code
        </button>
        <button className="btn btn--primary" onClick={() => void open()}>
          Open browser
        </button>
      </div>
      <p className={left < 60_000 ? 'small warn' : 'small muted'}>
        {left > 0 ? `Code expires in ${countdown(left)}` : 'The code has expired: cancel and sign in again.'}
      </p>
    </div>
  );
}
