import { useEffect, useRef, useState } from 'react';
import type { ProfilesPlanView } from '../../app/ipc/contract';
import { invoke } from '../bridge';
import { useToasts } from '../hooks/useToasts';

type Props = { plan: ProfilesPlanView; onClose: () => void };

function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff__file';
  if (line.startsWith('+')) return 'diff__add';
  if (line.startsWith('-')) return 'diff__del';
  if (line.startsWith('@@')) return 'diff__hunk';
  return '';
}

/** The profiles plan as counts and a diff; nothing is written until the person confirms. */
export function ProfilesDialog({ plan, onClose }: Props) {
  const [state, setState] = useState<'review' | 'writing' | { backupPath?: string; written: boolean }>(
    'review',
  );
  const { fail } = useToasts();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const changes = plan.added.length + plan.updated.length + plan.removed.length;

  const apply = async () => {
    setState('writing');
    const r = await invoke('profiles.apply', { planId: plan.planId });
    if (r.ok) setState(r.value);
    else {
      setState('review');
      fail(r.error);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="plan-title" onClose={onClose}>
      <h1 id="plan-title">Write profiles to ~/.aws/config</h1>
      <p className="counts">
        <span className={plan.added.length ? 'diff__add' : 'muted'}>{plan.added.length} added</span>
        <span>{plan.updated.length} updated</span>
        <span className={plan.removed.length ? 'diff__del' : 'muted'}>{plan.removed.length} removed</span>
        <span className="muted">{plan.unchanged.length} unchanged</span>
      </p>
      {plan.skipped.length > 0 && (
        <details className="small">
          <summary>{plan.skipped.length} skipped</summary>
          <ul>
            {plan.skipped.map((s) => (
              <li key={s.name}>
                <span className="mono">{s.name}</span>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {changes === 0 ? (
        <p>Your config already has these profiles; nothing to write.</p>
      ) : (
        <pre className="diff" aria-label="Changes to ~/.aws/config" tabIndex={0}>
          {plan.diff.split('\n').map((line, i) => (
            <span key={i} className={lineClass(line)}>
              {line}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
      {typeof state === 'object' ? (
        <>
          <p role="status">
            {state.written ? 'Profiles written.' : 'Nothing needed writing.'}
            {state.backupPath && (
              <>
                {' '}
                Backup: <span className="mono">{state.backupPath}</span>
              </>
            )}
          </p>
          <div className="row-end">
            <button className="btn btn--primary" autoFocus onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <div className="row-end">
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn--primary"
            disabled={changes === 0 || state === 'writing'}
            onClick={() => void apply()}
          >
            {state === 'writing' ? 'Writing…' : `Write ${changes} change${changes === 1 ? '' : 's'}`}
          </button>
        </div>
      )}
    </dialog>
  );
}
