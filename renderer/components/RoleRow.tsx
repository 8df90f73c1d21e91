import type { Range } from '../../app/search';
import { splitByRanges, type ListRow } from '../../app/search';
import { Icon } from './Icon';

function Marked({ text, ranges }: { text: string; ranges: readonly Range[] | undefined }) {
  return <>{splitByRanges(text, ranges).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

type Props = {
  row: Extract<ListRow, { kind: 'role' }>;
  active: boolean;
  onStar: () => void;
};

/** One role: name on top, account below; the email shows only when it is what matched. */
export function RoleRow({ row, active, onStar }: Props) {
  const { role, highlights, favorite } = row.hit;
  // Under an account header the account is already said; those rows are one line.
  const showAccount = row.section !== 'account';
  // The email is shown only when it, not the account name, is what matched.
  const showEmail = highlights.emailAddress !== undefined && highlights.accountName === undefined;
  return (
    <>
      <span
        className={favorite ? 'star star--on' : 'star'}
        aria-hidden="true"
        title={favorite ? 'Remove from favorites (Ctrl+D)' : 'Add to favorites (Ctrl+D)'}
        onClick={(e) => {
          e.stopPropagation();
          onStar();
        }}
      >
        <Icon name="star" filled={favorite} />
      </span>
      <span className="role__text">
        <span className="role__name">
          <Marked text={role.roleName} ranges={highlights.roleName} />
        </span>
        {showAccount && (
          <span className="role__account">
            <Marked text={role.accountName} ranges={highlights.accountName} />
            {' · '}
            <span className="mono">
              <Marked text={role.accountId} ranges={highlights.accountId} />
            </span>
            {showEmail && (
              <>
                {' · '}
                <Marked text={role.emailAddress} ranges={highlights.emailAddress} />
              </>
            )}
          </span>
        )}
      </span>
      {active && (
        <kbd className="role__hint" aria-hidden="true">
          ↵ copy
        </kbd>
      )}
    </>
  );
}
