import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { endProcessTree, PROCESS_TOKEN_VARIABLE, processesOf } from "../../src/util/process-tree";
import { isAlive, until } from "../helpers/processes";

describe("a kernel's process tree", () => {
  it("finds the processes below a root and those carrying its token, and ends them all with the root's group", async () => {
    // A group leader whose child starts a grandchild in a session of its own, then exits: the grandchild is no
    // longer below the root, but it carries the token.
    const script = `sleep 100000 & setsid sleep 100000 & echo started; wait`;
    const root = spawn("sh", ["-c", script], {
      detached: true,
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, [PROCESS_TOKEN_VARIABLE]: "test-token" },
    });
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
