import { useState, type FormEvent } from 'react';
import type { AppSnapshot } from '../../app/ipc/contract';
import { validateRegion, validateSessionName, validateStartUrl, type Validation } from '../../app/validate';
import { invoke } from '../bridge';
import { useToasts } from '../hooks/useToasts';

type Props = {
  first: boolean;
  existing: string[];
  onAdded: (s: AppSnapshot, name: string) => void;
  onCancel: (() => void) | undefined;
};

type Field = 'name' | 'startUrl' | 'region';

const customLabel = 'This is a custom or vanity portal URL (not an AWS-owned host)';
const customConfirm = `tick "${customLabel}"`;

/** Adds an `[sso-session]`: each field is checked as the person types, with app/validate's words. */
export function AddSessionForm({ first, existing, onAdded, onCancel }: Props) {
  const [values, setValues] = useState<Record<Field, string>>({ name: '', startUrl: '', region: '' });
  const [touched, setTouched] = useState<Record<Field, boolean>>({
    name: false,
    startUrl: false,
    region: false,
  });
  const [custom, setCustom] = useState(false);
  const [busy, setBusy] = useState(false);
  const { fail } = useToasts();

  const name = validateSessionName(values.name);
  const checks: Record<Field, Validation> = {
    name:
      name.ok && existing.includes(name.value)
        ? { ok: false, message: `A session named "${name.value}" exists already; pick another name.` }
        : name,
    startUrl: validateStartUrl(values.startUrl, { customEndpoint: custom, confirm: customConfirm }),
    region: validateRegion(values.region),
  };
  // Offered only once the URL is fine but for its host, or while ticked (so it can be unticked).
  const offerCustom =
    custom || (!checks.startUrl.ok && validateStartUrl(values.startUrl, { customEndpoint: true }).ok);
  const valid = checks.name.ok && checks.startUrl.ok && checks.region.ok;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched({ name: true, startUrl: true, region: true });
    if (!checks.name.ok || !checks.startUrl.ok || !checks.region.ok) return;
    setBusy(true);
    const r = await invoke('sessions.add', {
      name: checks.name.value,
      startUrl: checks.startUrl.value,
      region: checks.region.value,
      ...(custom ? { customEndpoint: true } : {}),
    });
    setBusy(false);
    if (r.ok) onAdded(r.value, checks.name.value);
    else fail(r.error);
  };

  const field = (id: Field, label: string, placeholder: string, help: string) => {
    const check = checks[id];
    const showError = touched[id] && values[id] !== '' && !check.ok;
    return (
      <div className="field">
        <label htmlFor={`f-${id}`}>{label}</label>
        <input
          id={`f-${id}`}
          value={values[id]}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={showError}
          aria-describedby={`f-${id}-msg`}
          onChange={(e) => {
            setValues({ ...values, [id]: e.target.value });
            setTouched({ ...touched, [id]: true });
          }}
        />
        <p id={`f-${id}-msg`} className={showError ? 'field__msg field__msg--error' : 'field__msg'}>
          {showError && !check.ok ? check.message : help}
        </p>
      </div>
    );
  };

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{first ? 'Welcome to Lanyard' : 'Add a session'}</h1>
      {first && (
        <p className="muted">
          No IAM Identity Center session is configured in ~/.aws/config yet. Add yours: Lanyard writes an
          [sso-session] section the AWS CLI understands.
        </p>
      )}
      {field('name', 'Session name', 'my-company', 'Letters, digits and - _ . only; used in profiles.')}
      {field(
        'startUrl',
        'Start URL',
        'https://d-1234567890.awsapps.com/start',
        'Your AWS access portal URL.',
      )}
      {offerCustom && (
        <div className="field">
          <label className="check check--tight">
            <input
              type="checkbox"
              aria-describedby="f-custom-msg"
              checked={custom}
              onChange={(e) => setCustom(e.target.checked)}
            />
            {customLabel}
          </label>
          <p id="f-custom-msg" className="field__msg">
            Lanyard will send your sign-in to this host as typed; tick this only if your organisation gave you
            this URL.
          </p>
        </div>
      )}
      {field('region', 'Region', 'us-east-1', 'The region of your Identity Center.')}
      <div className="row-end">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !valid}>
          {busy ? 'Adding…' : 'Add session'}
        </button>
      </div>
    </form>
  );
}
