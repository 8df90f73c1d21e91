/** Sizes inside an app.asar, read from its header (nothing is extracted). */
import { getRawHeader } from '@electron/asar';
import { statSync } from 'node:fs';

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  unpacked?: boolean;
}

export interface AsarStats {
  /** The app.asar file on disk. */
  readonly asarBytes: number;
  /** Sum of the files it holds (what extraction would write). */
  readonly unpackedBytes: number;
  readonly files: number;
  /** Bytes per top-level group: a node_modules package, or dist/electron, dist/renderer, package.json. */
  readonly groups: ReadonlyMap<string, number>;
}

export function asarStats(asarPath: string): AsarStats {
  const root = getRawHeader(asarPath).header as HeaderNode;
  const groups = new Map<string, number>();
  let unpackedBytes = 0;
  let files = 0;
  const walk = (node: HeaderNode, path: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const p = `${path}/${name}`;
      if (child.files) walk(child, p);
      else if (child.size !== undefined) {
        files += 1;
        unpackedBytes += child.size;
        const key = group(p);
        groups.set(key, (groups.get(key) ?? 0) + child.size);
      }
    }
  };
  walk(root, '');
  return { asarBytes: statSync(asarPath).size, unpackedBytes, files, groups };
}

function group(path: string): string {
  const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1]!;
  return path.split('/').slice(1, 3).join('/');
}
