import { useState } from 'react';
import type { ProfilesPlanView } from '../../app/ipc/contract';
import { groupAccountId } from '../account-id';
import { invoke } from '../bridge';
import { useDialog } from '../hooks/useDialog';
import { useToasts } from '../hooks/useToasts';

type Props = { plan: ProfilesPlanView; onClose: () => void };

const changeWord = { add: 'Add', update: 'Update', remove: 'Remove' } as const;

function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff__file';
  if (line.startsWith('+')) return 'diff__add';
  if (line.startsWith('-')) return 'diff__del';
  if (line.startsWith('@@')) return 'diff__hunk';
  return '';
}

/** The profiles plan as a table of changes (the raw diff behind a disclosure); nothing is written until confirmed. */
export function ProfilesDialog({ plan, onClose }: Props) {
  const [state, setState] = useState<'review' | 'writing' | { backupPath?: string; written: boolean }>(
    'review',
  );
  const { fail } = useToasts();
  const ref = useDialog();
  const changes = plan.added.length + plan.updated.length + plan.removed.length;
  const close = () => ref.current?.close();

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
        <span>{plan.added.length} added</span>
        <span>{plan.updated.length} updated</span>
        <span>{plan.removed.length} removed</span>
        <span className="muted">{plan.unchanged.length} unchanged</span>
      </p>
      {changes === 0 ? (
        <p>Your config already has these profiles; nothing to write.</p>
      ) : (
        <div className="plan-scroll" tabIndex={0} role="region" aria-label="Profiles to write">
          <table className="plan">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Account, role, region</th>
              </tr>
            </thead>
            <tbody>
              {plan.profiles.map((p) => (
                <tr key={`${p.change}:${p.name}`}>
                  <th scope="row">
                    <span className={`tag tag--${p.change}`}>{changeWord[p.change]}</span>
                    <span className="mono plan__name">{p.name}</span>
                  </th>
                  <td>
                    <span className="plan__line">
                      {p.accountName ?? 'Account'}{' '}
                      <span className="mono muted">{groupAccountId(p.accountId)}</span>
                    </span>
                    <span className="plan__line">{p.roleName}</span>
                    <span className="plan__line mono muted">{p.region ?? 'no region'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
      {changes > 0 && (
        <details className="small diff-details">
          <summary>Show the changes as a diff</summary>
          <pre className="diff" aria-label="Changes to ~/.aws/config" tabIndex={0}>
            {plan.diff.split('\n').map((line, i) => (
              <span key={i} className={lineClass(line)}>
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </details>
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
            <button className="btn btn--primary" autoFocus onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <div className="row-end">
          <button className="btn" onClick={close}>
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
