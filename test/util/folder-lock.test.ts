import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import { LOCK_FILE, lockFolder } from "../../src/util/folder-lock";
import { scratchFolders } from "../helpers/notebooks";

describe("one roilab at a time per output folder", () => {
  const scratch = scratchFolders();

  it("takes the folder, holds it through nested holds, and gives it back", () => {
    const dir = scratch();
    const unlock = lockFolder(dir);
    const lock = path.join(dir, LOCK_FILE);
    expect(JSON.parse(readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid });
    const inner = lockFolder(dir);
    inner();
    expect(existsSync(lock)).toBe(true);
    unlock();
    expect(existsSync(lock)).toBe(false);
  });

  it("refuses a folder another live roilab holds, naming it", () => {
    const dir = scratch();
    // The parent of this test process stands in for another roilab that is still running.
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, command: "report --out reports", since: "2026-11-29T10:00:00.000Z" }),
    );
    expect(() => lockFolder(dir)).toThrow(UsageError);
    expect(() => lockFolder(dir)).toThrow(
      `${dir} is in use by another roilab (pid ${process.ppid}, "roilab report --out reports", since 2026-11-29T10:00:00.000Z)`,
    );
  });

  it("clears a lock left by a process that is gone", () => {
    const dir = scratch();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: Number(gone), command: "report", since: "2026-11-29T10:00:00.000Z" }));
    const unlock = lockFolder(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    unlock();
  });

  it("clears a lock whose pid another process has since been given, which did not start when the holder did", () => {
    const dir = scratch();
    // pid 1 runs, but it is not the process that took the lock a moment ago.
    writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, command: "report", since: new Date().toISOString(), processStartedMs: Date.now() - 1000 }),
    );
    const unlock = lockFolder(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    unlock();
  });

  it("records when its holder started, so that a later process with the same pid is not taken for it", () => {
    const dir = scratch();
    const unlock = lockFolder(dir);
    const holder = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")) as { processStartedMs: number };
    expect(Math.abs(holder.processStartedMs - (Date.now() - process.uptime() * 1000))).toBeLessThan(5000);
    unlock();
  });
});
