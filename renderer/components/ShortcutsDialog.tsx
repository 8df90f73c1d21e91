import { useDialog } from '../hooks/useDialog';
import { shortcutList } from '../shortcuts';

/** The `?` overlay: every shortcut of the window, from the one list in shortcuts.ts. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useDialog();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="keys-title" onClose={onClose}>
      <h1 id="keys-title">Keyboard shortcuts</h1>
      <table className="keys">
        <tbody>
          {shortcutList.map((k) => (
            <tr key={k.does}>
              <th scope="row">
                {k.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </th>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-end">
        <button className="btn btn--primary" autoFocus onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
