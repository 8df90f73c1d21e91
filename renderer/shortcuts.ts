/** Every keyboard shortcut of the window, once: the `?` overlay, menus and titles read them here. */
export const keys = {
  copy: 'Enter',
  copyAlt: 'Ctrl+C',
  console: 'Ctrl+O',
  favorite: 'Ctrl+D',
  refresh: 'F5',
  settings: 'Ctrl+,',
  shortcuts: '?',
  clear: 'Esc',
} as const;

export const shortcutList: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['Type'], does: 'Search accounts, ids, emails and roles' },
  { keys: ['↑', '↓', 'PgUp', 'PgDn'], does: 'Move through the roles' },
  { keys: ['Ctrl+Home', 'Ctrl+End'], does: 'First or last role' },
  { keys: [keys.copy, keys.copyAlt], does: 'Copy env vars of the selected role' },
  { keys: [keys.console], does: 'Open the AWS console' },
  { keys: [keys.favorite], does: 'Add to or remove from favorites' },
  { keys: [keys.refresh], does: 'List the roles again' },
  { keys: [keys.settings], does: 'Settings' },
  { keys: [keys.clear], does: 'Clear the search, close a menu, dialog or Settings' },
  { keys: [keys.shortcuts], does: 'This list (when the search box is empty)' },
];
