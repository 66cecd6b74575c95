import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { roilab } from "../helpers/cli";
import { kernelsOf, tempFolder, writeNotebook } from "../helpers/notebooks";

const folder = tempFolder();
const dir = folder.dir;
afterAll(() => folder.dispose());

interface Executed {
  metadata: {
    roilab: { status: string; parameters: Record<string, unknown>; executed_at: string; duration_ms: number };
    papermill?: { parameters: Record<string, unknown> };
  };
  cells: {
    cell_type: string;
    metadata: { tags?: string[] };
    outputs?: { output_type: string; text?: string; ename?: string; evalue?: string }[];
    execution_count: number | null;
  }[];
}

function executed(file: string): Executed {
  return JSON.parse(readFileSync(file, "utf8")) as Executed;
}

/** A notebook that prints the price in data/price.txt of its dataDir parameter (default "data"). */
function priceNotebook(name: string): string {
  return writeNotebook(dir, name, [
    { code: 'const dataDir = "data";', tags: ["parameters"] },
    'import * as fs from "fs";\nconsole.log("price", fs.readFileSync(dataDir + "/price.txt", "utf8"));',
  ]);
}

const stdoutOf = (cell: Executed["cells"][number] | undefined) => (cell?.outputs ?? []).map((output) => output.text ?? "").join("");

describe("roilab run", () => {
  let paramsNotebook: string;
  beforeAll(() => {
    paramsNotebook = writeNotebook(dir, "params.ipynb", [
      { markdown: "# Parameters" },
      { code: 'const calls = 1000;\nconst label: string = "base";', tags: ["parameters"] },
      "console.log(label, calls * 2);",
    ]);
  });

  it("injects parameters after the parameters cell, which changes the printed result", async () => {
    const out = path.join(dir, "out-params");
    const before = readFileSync(paramsNotebook, "utf8");
    const result = await roilab(["run", paramsNotebook, "--out", out, "-p", "calls=21", "-p", "label=what-if"]);
    expect(result.code).toBe(0);
    const notebook = executed(path.join(out, "params.ipynb"));
    expect(notebook.cells.map((cell) => cell.metadata.tags ?? [])).toEqual([[], ["parameters"], ["injected-parameters"], []]);
    expect(stdoutOf(notebook.cells[3])).toBe("what-if 42\n");
    expect(notebook.metadata.papermill?.parameters).toEqual({ calls: 21, label: "what-if" });
    expect(notebook.metadata.roilab.status).toBe("ok");
    expect(readFileSync(paramsNotebook, "utf8")).toBe(before);
  });

  it("takes parameters from a JSON file, with -p winning over it", async () => {
    const out = path.join(dir, "out-params-file");
    const file = path.join(dir, "params.json");
    writeFileSync(file, JSON.stringify({ calls: 5, label: "file" }));
    const result = await roilab(["run", paramsNotebook, "--out", out, "--params", file, "-p", "calls=7"]);
    expect(result.code).toBe(0);
    expect(stdoutOf(executed(path.join(out, "params.ipynb")).cells[3])).toBe("file 14\n");
  });

  it("rejects an unknown parameter, listing the valid ones, with exit code 2 and no output", async () => {
    const out = path.join(dir, "out-unknown");
    const result = await roilab(["run", paramsNotebook, "--out", out, "-p", "callz=3"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("params.ipynb: unknown parameter callz; valid parameters: calls, label");
    expect(existsSync(out)).toBe(false);
  });

  it("reports a type error in cell 3 with notebook, cell, line:column and source line; later cells do not run", async () => {
    const notebook = writeNotebook(dir, "type-error.ipynb", [
      { markdown: "intro" },
      "const ok = 1;",
      "const a = 1;\nconst b: string = a;",
      "console.log('never');",
    ]);
    const out = path.join(dir, "out-type");
    const result = await roilab(["run", notebook, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "type-error.ipynb, cell 3, 2:7 - Type 'number' is not assignable to type 'string'.\n    const b: string = a;\n          ^",
    );
    const failed = executed(path.join(out, "type-error.failed.ipynb"));
    expect(failed.cells[2]?.outputs).toEqual([expect.objectContaining({ output_type: "error", ename: "TypeScriptError" })]);
    expect(failed.cells[3]).toMatchObject({ execution_count: null, outputs: [] });
    expect(existsSync(path.join(out, "type-error.ipynb"))).toBe(false);
  });

  it("reports a thrown exception with its name, message and line, and keeps the last good output", async () => {
    const out = path.join(dir, "out-throw");
    const good = path.join(out, "throws.ipynb");
    mkdirSync(out, { recursive: true });
    writeFileSync(good, "last good output");
    const notebook = writeNotebook(dir, "throws.ipynb", ["console.log('before');\nthrow new RangeError('calls/day must be positive');"]);
    const result = await roilab(["run", notebook, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("throws.ipynb, cell 1, 2:1 - RangeError: calls/day must be positive");
    expect(readFileSync(good, "utf8")).toBe("last good output");
    const failed = executed(path.join(out, "throws.failed.ipynb"));
    expect(failed.cells[0]?.outputs?.map((output) => output.output_type)).toEqual(["stream", "error"]);
  });

  it("with --allow-errors runs the cells after a failure and writes the notebook in place", async () => {
    const notebook = writeNotebook(dir, "allow.ipynb", ["throw new Error('first');", "console.log('second ran');"]);
    const out = path.join(dir, "out-allow");
    const result = await roilab(["run", notebook, "--out", out, "--allow-errors"]);
    expect(result.code).toBe(1);
    const written = executed(path.join(out, "allow.ipynb"));
    expect(stdoutOf(written.cells[1])).toBe("second ran\n");
    expect(written.metadata.roilab.status).toBe("failed");
  });

  it("stops an endless loop at --timeout, names the cell and leaves no kernel process", async () => {
    const notebook = writeNotebook(dir, "loop.ipynb", ["const x = 1;", "while (true) {}", "console.log('after');"]);
    const result = await roilab(["run", notebook, "--out", path.join(dir, "out-loop"), "--timeout", "3"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("loop.ipynb, cell 2 - did not finish within 3 s; the kernel was interrupted and stopped");
    expect(kernelsOf(result.pid)).toEqual([]);
  });

  it("cuts a cell that prints without end at --max-output-mb, says so in its output, stops it and names it", async () => {
    const endless = "setInterval(() => console.log('y'.repeat(10000)), 0);\nawait new Promise(() => undefined);";
    const notebook = writeNotebook(dir, "chatty.ipynb", ["const z = 3;", endless, "console.log('after');"]);
    const out = path.join(dir, "out-chatty");
    const result = await roilab(["run", notebook, "--out", out, "--max-output-mb", "1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "chatty.ipynb, cell 2 - printed more than 1 MB (--max-output-mb); the kernel was interrupted and stopped",
    );
    const written = executed(path.join(out, "chatty.failed.ipynb"));
    expect(stdoutOf(written.cells[1])).toContain("roilab: this cell's output passed 1 MB (--max-output-mb) and was cut here.");
    expect(statSync(path.join(out, "chatty.failed.ipynb")).size).toBeLessThan(2_000_000);
    expect(kernelsOf(result.pid)).toEqual([]);
  });

  it("detects a kernel killed mid-cell and reports the cell it was running", async () => {
    const notebook = writeNotebook(dir, "killed.ipynb", ["const y = 2;", "console.log('going');\nprocess.kill(process.pid, 'SIGKILL');"]);
    const result = await roilab(["run", notebook, "--out", path.join(dir, "out-killed")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("killed.ipynb, cell 2 - the kernel died (signal SIGKILL) while running this cell");
    expect(kernelsOf(result.pid)).toEqual([]);
  });

  it("runs two notebooks in parallel, each on its own kernel", async () => {
    const cell = "await new Promise((resolve) => setTimeout(resolve, 1500));\nconsole.log(process.pid);";
    const a = writeNotebook(dir, "slow-a.ipynb", [cell]);
    const b = writeNotebook(dir, "slow-b.ipynb", [cell]);
    const out = path.join(dir, "out-parallel");
    const result = await roilab(["run", a, b, "--out", out, "--jobs", "2"]);
    expect(result.code).toBe(0);
    const notebooks = ["slow-a", "slow-b"].map((name) => executed(path.join(out, `${name}.ipynb`)));
    const spans = notebooks.map((notebook) => {
      const start = Date.parse(notebook.metadata.roilab.executed_at);
      return [start, start + notebook.metadata.roilab.duration_ms] as const;
    });
    expect(spans[0]![0]).toBeLessThan(spans[1]![1]);
    expect(spans[1]![0]).toBeLessThan(spans[0]![1]);
    expect(stdoutOf(notebooks[0]!.cells[0])).not.toBe(stdoutOf(notebooks[1]!.cells[0]));
  });

  it("reuses three unchanged notebooks with two jobs, each once", async () => {
    const files = ["reuse-a", "reuse-b", "reuse-c"].map((name) => writeNotebook(dir, `${name}.ipynb`, ["1 + 1"]));
    const out = path.join(dir, "out-reuse");
    expect((await roilab(["run", ...files, "--out", out, "--jobs", "2"])).code).toBe(0);
    const again = await roilab(["run", ...files, "--out", out, "--jobs", "2"]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout.match(/^cached /gm)).toHaveLength(3);
  });

  it("reuses an unchanged notebook's output, and re-runs it when a data file it reads changes", async () => {
    const data = path.join(dir, "data");
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(data, "price.txt"), "3");
    const notebook = priceNotebook("cached.ipynb");
    const out = path.join(dir, "out-cache");
    const first = await roilab(["run", notebook, "--out", out]);
    expect(first.stdout).toMatch(/^ok +.*cached\.ipynb/);
    const written = path.join(out, "cached.ipynb");
    const firstWrite = statSync(written).mtimeMs;

    const second = await roilab(["run", notebook, "--out", out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^cached +.*cached\.ipynb +\(unchanged, reused\)/);
    expect(statSync(written).mtimeMs).toBe(firstWrite);

    writeFileSync(path.join(data, "price.txt"), "4");
    const third = await roilab(["run", notebook, "--out", out]);
    expect(third.stdout).toMatch(/^ok +.*cached\.ipynb/);
    expect(stdoutOf(executed(written).cells[1])).toBe("price 4\n");

    const forced = await roilab(["run", notebook, "--out", out, "--force"]);
    expect(forced.stdout).toMatch(/^ok +/);
  });

  it("points notebooks at another data folder with --data, relative to the notebook's folder", async () => {
    const snapshot = path.join(dir, "snapshot-2026");
    mkdirSync(snapshot, { recursive: true });
    writeFileSync(path.join(snapshot, "price.txt"), "9");
    const notebook = priceNotebook("snapshot.ipynb");
    const out = path.join(dir, "out-data");
    const result = await roilab(["run", notebook, "--out", out, "--data", snapshot]);
    expect(result.code).toBe(0);
    const written = executed(path.join(out, "snapshot.ipynb"));
    expect(stdoutOf(written.cells[2])).toBe("price 9\n");
    expect(written.metadata.papermill?.parameters).toEqual({ dataDir: "snapshot-2026" });
  });

  it("leaves no kernel behind when the runner is stopped with SIGTERM", async () => {
    const notebook = writeNotebook(dir, "sleepy.ipynb", ["await new Promise((resolve) => setTimeout(resolve, 60000));"]);
    let pid = 0;
    const running = roilab(["run", notebook, "--out", path.join(dir, "out-term")], { onSpawn: (spawned) => (pid = spawned) });
    const deadline = Date.now() + 60_000;
    while (kernelsOf(pid).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(kernelsOf(pid)).toHaveLength(1);
    process.kill(pid, "SIGTERM");
    const result = await running;
    expect(result.code).toBe(143);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(kernelsOf(pid)).toEqual([]);
  });

  it("holds its output folder: a second run into it exits 2 naming the first, and the folder is free again after", async () => {
    const notebook = writeNotebook(dir, "holder.ipynb", ["await new Promise((resolve) => setTimeout(resolve, 4000));"]);
    const quick = writeNotebook(dir, "quick.ipynb", ["console.log(1)"]);
    const out = path.join(dir, "out-locked");
    let pid = 0;
    const first = roilab(["run", notebook, "--out", out], { onSpawn: (spawned) => (pid = spawned) });
    while (!existsSync(path.join(out, ".roilab.lock"))) await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await roilab(["run", quick, "--out", out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`${out} is in use by another roilab (pid ${pid}, "roilab run ${notebook} --out ${out}"`);
    expect((await first).code).toBe(0);
    expect(existsSync(path.join(out, ".roilab.lock"))).toBe(false);
    expect((await roilab(["run", quick, "--out", out])).code).toBe(0);
  });

  it("stops at once on SIGTERM while it reuses cached notebooks and writes pages, with exit code 143", async () => {
    const out = path.join(dir, "out-cached-term");
    // Large outputs make publishing the pages long enough to be stopped in the middle of it.
    const notebooks = Array.from({ length: 6 }, (_, index) =>
      writeNotebook(dir, `cached-${index}.ipynb`, [`for (let i = 0; i < 20000; i++) console.log("notebook ${index} line " + i);`]),
    );
    expect((await roilab(["report", ...notebooks, "--out", out, "--jobs", "2"])).code).toBe(0);
    // Every notebook is now cached: what is left is the cache check and the pages. Stop it at its first line.
    let pid = 0;
    let signalled = false;
    const result = await roilab(["report", ...notebooks, "--out", out, "--jobs", "1"], {
      onSpawn: (spawned) => (pid = spawned),
      onStdout: (text) => {
        if (!signalled && text.includes("cached")) {
          signalled = true;
          process.kill(pid, "SIGTERM");
        }
      },
    });
    expect(signalled).toBe(true);
    expect(result.code).toBe(143);
    expect(result.stderr).toContain("roilab: stopped by SIGTERM");
    expect(result.stdout).not.toContain("wrote");
  });
});
