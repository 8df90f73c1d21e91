import type { Range } from '../../app/search';
import { splitByRanges, type ListRow } from '../../app/search';

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
  const showAccount = row.section !== 'account';
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
        {favorite ? '★' : '☆'}
      </span>
      <span className="role__text">
        <span className="role__name">
          <Marked text={role.roleName} ranges={highlights.roleName} />
        </span>
        <span className="role__account">
          {showAccount && (
            <>
              <Marked text={role.accountName} ranges={highlights.accountName} />
              {' · '}
            </>
          )}
          <span className="mono">
            <Marked text={role.accountId} ranges={highlights.accountId} />
          </span>
          {highlights.emailAddress && (
            <>
              {' · '}
              <Marked text={role.emailAddress} ranges={highlights.emailAddress} />
            </>
          )}
        </span>
      </span>
      {active && (
        <kbd className="role__hint" aria-hidden="true">
          ↵ copy
        </kbd>
      )}
    </>
  );
}
