/**
 * Watches files and folders and reports what changed, in batches: editors save in several steps (write a
 * temporary file, rename it over the old one), so changes that arrive within `settleMs` of each other are one.
 * A watched folder that is replaced (moved away and copied back, as a sync tool or `git checkout` may do) is
 * watched again where it now is: a watch follows the folder it was opened on, so it would see nothing more.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from "node:fs";
import * as path from "node:path";

export interface WatchTarget {
  dir: string;
  /** Also the folders below it (the compiled library). */
  recursive: boolean;
}

export function watchFolders(targets: readonly WatchTarget[], settleMs: number, onChange: (files: string[]) => void): { close(): void } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const report = (file: string) => {
    // Hidden and editor files (.#x, x~, x.swp) never feed a notebook.
    if (path.basename(file).startsWith(".") || file.endsWith("~") || file.endsWith(".swp")) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending = new Set();
      onChange(files);
    }, settleMs);
  };

  const watchers: { close(): void }[] = targets.map(({ dir, recursive }) => {
    let folder: FSWatcher | undefined;
    const open = () => {
      folder?.close();
      folder = undefined;
      if (!existsSync(dir)) return;
      try {
        folder = watch(dir, { recursive, persistent: true }, (_event, name) => {
          if (name !== null) report(path.join(dir, name.toString()));
        });
        // A folder removed under the watch ends it; its parent's watch opens a new one when the folder is back.
        folder.on("error", () => folder?.close());
      } catch {
        folder = undefined;
      }
    };
    open();
    // The parent sees the folder itself come and go.
    const parent = watch(path.dirname(dir), { persistent: true }, (_event, name) => {
      if (name === null || name.toString() !== path.basename(dir)) return;
      open();
      if (!existsSync(dir)) return;
      // Every file of a folder put in place of the old one may differ from what was read.
      for (const entry of readdirSync(dir)) report(path.join(dir, entry));
    });
    parent.on("error", () => parent.close());
    return {
      close() {
        folder?.close();
        parent.close();
      },
    };
  });
  return {
    close() {
      clearTimeout(timer);
      watchers.forEach((watcher) => {
        watcher.close();
      });
    },
  };
}
