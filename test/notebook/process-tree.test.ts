import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { endProcessTree, KERNEL_TOKEN_VARIABLE, processesOf } from "../../src/notebook/process-tree";

/** Whether `pid` runs: a zombie (ended, not yet reaped) does not. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("a kernel's process tree", () => {
  it("finds the processes below a root and those carrying its token, and ends them all with the root's group", async () => {
    // A group leader whose child starts a grandchild in a session of its own, then exits: the grandchild is no
    // longer below the root, but it carries the token.
    const script = `sleep 100000 & setsid sleep 100000 & echo started; wait`;
    const root = spawn("sh", ["-c", script], { detached: true, stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, [KERNEL_TOKEN_VARIABLE]: "test-token" } });
    await new Promise((resolve) => root.stdout.once("data", resolve));
    const pid = root.pid as number;
    await until(() => processesOf(pid, "test-token").length >= 2);
    const found = processesOf(pid, "test-token");
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found).not.toContain(process.pid);
    expect(processesOf(pid, undefined, true)).toEqual([]);
    endProcessTree(pid, "test-token");
    await until(() => [pid, ...found].every((each) => !isAlive(each)));
  });
});
