/**
 * A write the system refuses, as a user meets it: `roilab prices update` on a data folder that is read-only, or
 * on a full disk, in a mount namespace of the test's own (a tmpfs, read-only or nearly full).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as path from "node:path";
import { ROOT } from "../helpers/cli";
import { DATA_DIR } from "../helpers/data-folder";
import { scratchFolders } from "../helpers/notebooks";

const MOUNTS = spawnSync("unshare", ["-rm", "true"]).status === 0;

/** Runs `setup` (a shell script given MNT, the mount point), then `roilab prices update --data $MNT/data`, in a namespace of its own. */
function inMount(setup: string) {
  const script = `mkdir -p "$MNT" && ${setup} && exec "$NODE" "$BIN" prices update --data "$MNT/data"`;
  const mount = path.join(scratch(), "mnt");
  const result = spawnSync("unshare", ["-rm", "sh", "-c", script], {
    encoding: "utf8",
    env: { ...process.env, MNT: mount, DATA: DATA_DIR, NODE: process.execPath, BIN: path.join(ROOT, "dist/bin.js") },
  });
  return { code: result.status, stderr: result.stderr, mount };
}

const scratch = scratchFolders("roilab-write-");

describe.skipIf(!MOUNTS)("a write the system refuses", () => {
  it("names the file and says the folder is read-only, exit 2", () => {
    const setup = `mount -t tmpfs tmpfs "$MNT" && cp -r "$DATA" "$MNT/data" && mount -o remount,ro "$MNT"`;
    const { code, stderr, mount } = inMount(setup);
    // The first file the command writes is the folder's lock.
    expect([code, stderr.trim()]).toEqual([
      2,
      `${path.join(mount, "data", ".roilab.lock")}: cannot write (EROFS: the file system is read-only); the file is as it was`,
    ]);
  });

  it("names the file and says the disk is full, exit 2", () => {
    // Full but for one page, which the folder's lock takes.
    const setup = `mount -t tmpfs -o size=1m tmpfs "$MNT" && cp -r "$DATA" "$MNT/data" && dd if=/dev/zero of="$MNT/spare" bs=4k count=1 2>/dev/null && (dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null || true) && rm "$MNT/spare"`;
    const { code, stderr, mount } = inMount(setup);
    expect([code, stderr.trim()]).toEqual([
      2,
      `${path.join(mount, "data", "long_context_prices.csv")}: cannot write (ENOSPC: the disk is full); the file is as it was`,
    ]);
  });
});
