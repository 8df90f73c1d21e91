import type { RoleEntry } from '../../app/domain/accounts';
import type { EnvFormat } from '../../app/settings/schema';
import { commonRegions, envFormatLabels, envFormatList } from '../format';
import type { RoleActions } from '../hooks/useRoleActions';
import { Icon } from './Icon';

type Props = {
  role: RoleEntry | undefined;
  format: EnvFormat;
  region: string;
  actions: RoleActions;
};

/** The selected role's actions; each button names its shortcut. */
/** Favorite is the row's star and Ctrl+D: the bar keeps to what fits 380 px. */
export function ActionBar({ role, format, region, actions }: Props) {
  const regions = commonRegions.includes(region) ? commonRegions : [region, ...commonRegions];
  const off = role === undefined;
  return (
    <div className="actions" aria-label="Role actions">
      <div className="split">
        <button
          className="btn btn--primary"
          disabled={off}
          title="Copy env vars (Enter, Ctrl+C)"
          onClick={() => role && actions.copyEnv(role)}
        >
          Copy env
        </button>
        <select
          aria-label="Env format"
          value={format}
          onChange={(e) => actions.setFormat(e.target.value as EnvFormat)}
        >
          {envFormatList.map((f) => (
            <option key={f} value={f}>
              {envFormatLabels[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="split">
        <button
          className="btn"
          disabled={off}
          title="Open the AWS console (Ctrl+O)"
          onClick={() => role && actions.openConsole(role, region)}
        >
          Console
        </button>
        <select
          aria-label="Console region"
          value={region}
          onChange={(e) => actions.setRegion(e.target.value)}
        >
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <span className="spacer" />
      <button
        className="icon-btn"
        disabled={off}
        aria-label="Write profile"
        title="Write an AWS CLI profile for this role"
        onClick={() => role && actions.planProfiles([role])}
      >
        <Icon name="download" />
      </button>
    </div>
  );
}
