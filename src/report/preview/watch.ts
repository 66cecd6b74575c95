/**
 * Watches files and folders and reports what changed, in batches: editors save in several steps (write a
 * temporary file, rename it over the old one), so changes that arrive within `settleMs` of each other are one.
 */
import { watch, type FSWatcher } from "node:fs";
import * as path from "node:path";

export interface WatchTarget {
  dir: string;
  /** Also the folders below it (the compiled library). */
  recursive: boolean;
}

export function watchFolders(targets: readonly WatchTarget[], settleMs: number, onChange: (files: string[]) => void): { close(): void } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = targets.map(({ dir, recursive }) =>
    watch(dir, { recursive, persistent: true }, (_event, name) => {
      if (name === null) return;
      const file = path.join(dir, name.toString());
      // Hidden and editor files (.#x, x~, x.swp) never feed a notebook.
      if (path.basename(file).startsWith(".") || file.endsWith("~") || file.endsWith(".swp")) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending = new Set();
        onChange(files);
      }, settleMs);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      watchers.forEach((watcher) => watcher.close());
    },
  };
}
