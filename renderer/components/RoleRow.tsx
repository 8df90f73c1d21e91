import type { Range } from '../../app/search';
import { splitByRanges, type ListRow } from '../../app/search';
import { groupAccountId } from '../account-id';
import { keys } from '../shortcuts';
import { Icon } from './Icon';

function Marked({ text, ranges }: { text: string; ranges: readonly Range[] | undefined }) {
  return <>{splitByRanges(text, ranges).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}

/** Highlights are per character of the raw id; grouping adds a space after every fourth digit. */
function groupRanges(ranges: readonly Range[] | undefined): Range[] | undefined {
  const at = (i: number) => i + Math.floor(i / 4);
  return ranges?.map(([a, b]) => [at(a), at(b - 1) + 1] as const);
}

type Props = {
  row: Extract<ListRow, { kind: 'role' }>;
  active: boolean;
  multi: boolean;
  onStar: () => void;
};

/**
 * One role: name on top, account below; the email shows only when it is what matched. The text is
 * the option's accessible name (no aria-label that could differ from what is seen); words only a
 * screen reader needs are visually hidden.
 */
export function RoleRow({ row, active, multi, onStar }: Props) {
  const { role, highlights, favorite } = row.hit;
  // Under an account header the account is already said; those rows are one line.
  const showAccount = row.section !== 'account';
  // The email is shown only when it, not the account name, is what matched.
  const showEmail = highlights.emailAddress !== undefined && highlights.accountName === undefined;
  const id = groupAccountId(role.accountId);
  return (
    <>
      {/* Mouse only: the action bar's Favorite button and Ctrl+D are the keyboard's way. */}
      <span
        className={favorite ? 'star star--on' : 'star'}
        aria-hidden="true"
        title={favorite ? `Remove from favorites (${keys.favorite})` : `Add to favorites (${keys.favorite})`}
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
        {showAccount ? (
          <span className="role__account">
            <span className="sr-only"> in </span>
            <Marked text={role.accountName} ranges={highlights.accountName} />
            <span aria-hidden="true">{' · '}</span>
            <span className="sr-only"> </span>
            <span className="mono">
              <Marked text={id} ranges={groupRanges(highlights.accountId)} />
            </span>
            {showEmail && (
              <>
                <span aria-hidden="true">{' · '}</span>
                <span className="sr-only"> </span>
                <Marked text={role.emailAddress} ranges={highlights.emailAddress} />
              </>
            )}
          </span>
        ) : (
          <span className="sr-only">{` in ${role.accountName} ${id}`}</span>
        )}
      </span>
      {multi && (
        <>
          <span className="sr-only">, session </span>
          <span className="badge">{role.sessionName}</span>
        </>
      )}
      {favorite && <span className="sr-only">, favorite</span>}
      {active && (
        <kbd className="role__hint" aria-hidden="true">
          ↵ copy
        </kbd>
      )}
    </>
  );
}
