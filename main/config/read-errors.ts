import { LanyardError } from '../../app/errors';
import { NOT_REGULAR } from '../fs/read-regular';

const kind = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'kind' in e ? String(e.kind) : 'not a plain file';

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

/**
 * Why `~/.aws/config` could not be read, in words. Always FILE (exit 7): the person has to fix the
 * file, and no command may go on as if no session were configured.
 */
export function configReadError(e: unknown, path: string): LanyardError {
  switch (errno(e)) {
    case 'EISDIR':
      return new LanyardError('FILE', `${path} is a folder, not a file.`, {
        hint: 'Move the folder away; the AWS config must be a file.',
      });
    case 'EACCES':
    case 'EPERM':
      return new LanyardError('FILE', `No permission to read ${path}.`, {
        hint: 'Check that the file and its folders belong to you (ls -l).',
      });
    case 'ELOOP':
      return new LanyardError('FILE', `${path} is a loop of symbolic links, so it cannot be read.`, {
        hint: 'Point the link at a real file (ls -l shows where it leads).',
      });
    case NOT_REGULAR:
      return new LanyardError(
        'FILE',
        `${path} is not a regular file (${kind(e)}); Lanyard will not read it.`,
        {
          hint: 'The AWS config must be a plain file.',
        },
      );
    case 'ENOTDIR':
      return new LanyardError('FILE', `Cannot read ${path}: a part of its path is not a folder.`);
    default: {
      const why = e instanceof Error ? e.message : String(e);
      return new LanyardError('FILE', `Could not read ${path}: ${why}`);
    }
  }
}
