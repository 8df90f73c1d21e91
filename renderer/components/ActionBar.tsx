import type { RoleEntry } from '../../app/domain/accounts';
import type { EnvFormat } from '../../app/settings/schema';
import { commonRegions, envFormatLabels, envFormatList } from '../format';
import type { RoleActions } from '../hooks/useRoleActions';
import { keys } from '../shortcuts';
import { Icon } from './Icon';

type Props = {
  role: RoleEntry | undefined;
  favorite: boolean;
  format: EnvFormat;
  region: string;
  actions: RoleActions;
};

/** The selected role's actions; each button names its shortcut. The star is here so Tab reaches it. */
export function ActionBar({ role, favorite, format, region, actions }: Props) {
  const regions = commonRegions.includes(region) ? commonRegions : [region, ...commonRegions];
  const off = role === undefined;
  return (
    <div className="actions" role="group" aria-label="Role actions">
      <div className="split">
        <button
          className="btn btn--primary"
          disabled={off}
          title={`Copy env vars (${keys.copy}, ${keys.copyAlt})`}
          aria-keyshortcuts="Enter Control+C"
          aria-label="Copy env vars"
          onClick={() => role && actions.copyEnv(role)}
        >
          {/* "Copy" and the format beside it read as "Copy bash/zsh": room for both at 380 px. */}
          Copy
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
          title={`Open the AWS console (${keys.console})`}
          aria-keyshortcuts="Control+O"
          onClick={() => role && actions.openConsole(role, region)}
        >
          Console
        </button>
        <select
          aria-label="Console region"
          value={region}
          disabled={off}
          onChange={(e) => role && actions.setRegion(role.sessionName, e.target.value)}
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
        className={favorite ? 'icon-btn star star--on' : 'icon-btn star'}
        disabled={off}
        aria-label="Favorite"
        aria-pressed={favorite}
        aria-keyshortcuts="Control+D"
        title={`${favorite ? 'Remove from' : 'Add to'} favorites (${keys.favorite})`}
        onClick={() => role && actions.toggleFavorite(role)}
      >
        <Icon name="star" filled={favorite} />
        <span className="actions__label">Favorite</span>
      </button>
      <button
        className="icon-btn"
        disabled={off}
        aria-label="Write profile"
        title="Write an AWS CLI profile for this role"
        onClick={() => role && actions.planProfiles(role.sessionName, [role])}
      >
        <Icon name="download" />
        <span className="actions__label">Write profile</span>
      </button>
    </div>
  );
}
