/**
 * A run keeps each worker's kernel from one notebook to the next, reset in between: the next notebook sees none
 * of the last one's names and gets the same process, unless the last one set a global or left a timer running,
 * when it gets a fresh kernel.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { roilab } from "../helpers/cli";
import { tempFolder, writeNotebook } from "../helpers/notebooks";

const folder = tempFolder("roilab-reuse-");
afterAll(() => folder.dispose());

type Executed = { cells: { outputs?: { output_type: string; text?: string; evalue?: string }[]; execution_count: number | null }[] };
const read = (out: string, name: string) => JSON.parse(readFileSync(path.join(out, name), "utf8")) as Executed;
const stdout = (notebook: Executed) =>
  notebook.cells
    .flatMap((cell) => cell.outputs ?? [])
    .map((output) => output.text ?? "")
    .join("");
const PRINT_PID = 'console.log("pid", process.pid);';
const pid = (notebook: Executed) => Number(/pid (\d+)/.exec(stdout(notebook))?.[1]);

describe("kernels reused within a run", () => {
  it("serve the next notebook of a folder from the same process, which knows none of the last one's names", async () => {
    const dir = path.join(folder.dir, "clean");
    mkdirSync(dir);
    writeNotebook(dir, "1-first.ipynb", [`const shared = 42;\n${PRINT_PID}`, "shared + 1"]);
    writeNotebook(dir, "2-second.ipynb", [PRINT_PID, "const shared = 'redeclared, as in a fresh kernel';\nshared"]);
    writeNotebook(dir, "3-third.ipynb", ["shared"]);
    const out = path.join(folder.dir, "out-clean");
    const result = await roilab(["run", dir, "--out", out, "--jobs", "1"]);
    expect(result.code).toBe(1);
    const [first, second] = [read(out, "1-first.ipynb"), read(out, "2-second.ipynb")];
    expect(pid(first)).toBeGreaterThan(0);
    expect(pid(second)).toBe(pid(first));
    expect(stdout(second)).toContain("redeclared, as in a fresh kernel");
    // Cells are numbered from 1 in each notebook, whatever the kernel ran before.
    expect(second.cells.map((cell) => cell.execution_count)).toEqual([1, 2]);
    expect(result.stderr).toContain("3-third.ipynb, cell 1, 1:1 - Cannot find name 'shared'.");
  });

  it("are replaced when a notebook set a global of its own or left a timer running", async () => {
    const dir = path.join(folder.dir, "dirty");
    mkdirSync(dir);
    writeNotebook(dir, "1-global.ipynb", [`(globalThis as Record<string, unknown>).leftBehind = 1;\n${PRINT_PID}`]);
    writeNotebook(dir, "2-after-global.ipynb", [`${PRINT_PID}\nconsole.log("left", (globalThis as Record<string, unknown>).leftBehind);`]);
    writeNotebook(dir, "3-timer.ipynb", [`setInterval(() => undefined, 60_000);\n${PRINT_PID}`]);
    writeNotebook(dir, "4-after-timer.ipynb", [PRINT_PID]);
    writeNotebook(dir, "5-clean.ipynb", [PRINT_PID]);
    const out = path.join(folder.dir, "out-dirty");
    const result = await roilab(["run", dir, "--out", out, "--jobs", "1"]);
    expect(result.stderr).toBe("");
    const pids = ["1-global", "2-after-global", "3-timer", "4-after-timer", "5-clean"].map((name) => pid(read(out, `${name}.ipynb`)));
    expect(pids[1]).not.toBe(pids[0]);
    expect(stdout(read(out, "2-after-global.ipynb"))).toContain("left undefined");
    expect(pids[2]).toBe(pids[1]);
    expect(pids[3]).not.toBe(pids[2]);
    expect(pids[4]).toBe(pids[3]);
  });
});
