#!/usr/bin/env node
/**
 * npm run bench: roilab against `jupyter nbconvert --execute --to html` on the same notebooks, in one run,
 * alternating A B A B so both see the same machine state. Cold: nothing cached. Warm: nothing changed since
 * the last run. Prints each side's median and roilab's time as a ratio of nbconvert's, then each notebook's kernel
 * CPU time (user + system, median over the cold rounds), which a busy machine disturbs far less than wall time.
 * Then the start-up times (`roilab --version` and a report with nothing changed, beside `node -e 0`), and whether
 * every notebook's cells give the outputs stock tslab gives them (one more, untimed, nbconvert run).
 * Kernels started with roilab's preload record it (ROILAB_KERNEL_CPU_DIR, see kernel-preload.ts). nbconvert runs
 * stock tslab (stock-kernel.ts), which records nothing: its CPU column says n/a.
 * ROILAB_KERNEL_CPU_PROFILE=1 also keeps each kernel's V8 CPU profile (summarise them with profile-summary.js)
 * in ROILAB_BENCH_PROFILES (a folder that is kept), at some cost in CPU time.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";
import { kernelCommand } from "../notebook/kernel";
import { editLoopBench, median } from "./edit-loop";
import { installStockKernel } from "./stock-kernel";

const ROUNDS = Number(process.env.ROILAB_BENCH_ROUNDS ?? 3);
const NOTEBOOKS = path.join(PROJECT_ROOT, "notebooks");
const ROILAB = path.join(PROJECT_ROOT, "dist", "bin.js");

function timed(command: string, args: string[], cpuDir?: string, baseEnv: NodeJS.ProcessEnv = process.env): number {
  const started = process.hrtime.bigint();
  const env = cpuDir === undefined ? baseEnv : { ...baseEnv, ROILAB_KERNEL_CPU_DIR: cpuDir };
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: "utf8", env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(" ")} failed (exit code ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

/** `npm run bench -- edit-loop` runs only the edit loop; with no part named, everything runs. */
const PARTS = ["report", "edit-loop"] as const;
const EDIT_LOOP_ROUNDS = Number(process.env.ROILAB_BENCH_EDIT_ROUNDS ?? 5);

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length) {
    process.stderr.write(`unknown bench part ${JSON.stringify(unknown[0])}; the parts are ${PARTS.join(", ")}\n`);
    process.exit(2);
  }
  const parts = asked.length ? asked : [...PARTS];
  requireNbconvert();
  const stock = installStockKernel();
  try {
    process.stdout.write(`nbconvert's kernel: stock tslab, as tslab install registers it (${stock.argv.join(" ")})\n`);
    process.stdout.write(`roilab's kernel:    ${kernelCommand("{connection_file}").join(" ")}\n\n`);
    if (parts.includes("report")) reportBench(stock.env);
    if (parts.includes("edit-loop")) await editLoopBench(EDIT_LOOP_ROUNDS, (text) => process.stdout.write(text), stock.env);
  } finally {
    stock.remove();
  }
}

interface KernelCpu {
  label: string;
  userSeconds: number;
  systemSeconds: number;
}

/**
 * Each notebook's kernel CPU seconds from the records kernels left in `folder`. Records without a notebook's
 * name (nbconvert's kernels) are matched to `notebooks` in the order they were written.
 */
function kernelCpuSeconds(folder: string, notebooks: string[]): Map<string, number> {
  const files = (() => {
    try {
      return readdirSync(folder)
        .filter((name) => name.endsWith(".json"))
        .map((name) => path.join(folder, name));
    } catch {
      return [];
    }
  })();
  const records = files
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((file) => JSON.parse(readFileSync(file, "utf8")) as KernelCpu);
  const cpu = new Map<string, number>();
  records.forEach((record, index) => {
    const name = record.label === "kernel" ? notebooks[index] : record.label;
    if (name !== undefined) cpu.set(path.basename(name), record.userSeconds + record.systemSeconds);
  });
  return cpu;
}

function requireNbconvert(): void {
  if (spawnSync("jupyter-nbconvert", ["--version"], { encoding: "utf8" }).status !== 0) {
    process.stderr.write(
      "jupyter nbconvert is not installed. On Debian or Ubuntu: apt-get install jupyter-nbconvert python3-nbclient;\n" +
        "elsewhere: pip install nbconvert nbclient. Then register the kernel with npm run kernel:install.\n",
    );
    process.exit(2);
  }
}

const STARTUP_ROUNDS = 5;

/** Medians of `node -e 0`, `roilab --version` and a report of `reportDir`'s notebooks with nothing changed, alternating. */
function startupTimes(reportDir: string): { node: number; version: number; cachedReport: number } {
  const times = { node: [] as number[], version: [] as number[], cachedReport: [] as number[] };
  for (let round = 0; round < STARTUP_ROUNDS; round++) {
    times.node.push(timed(process.execPath, ["-e", "0"]));
    times.version.push(timed(process.execPath, [ROILAB, "--version"]));
    times.cachedReport.push(timed(process.execPath, [ROILAB, "report", "--out", reportDir, NOTEBOOKS]));
  }
  return { node: median(times.node), version: median(times.version), cachedReport: median(times.cachedReport) };
}

type Output = { output_type: string; name?: string; text?: string | string[]; data?: unknown; ename?: string; evalue?: string };

/** nbformat may store a text value as its lines (nbconvert does); JSON values (`application/*+json`) stay as they are. */
function joinedData(data: unknown): unknown {
  if (data === null || typeof data !== "object") return data;
  return Object.fromEntries(
    Object.entries(data as Record<string, unknown>).map(([mime, value]) => [
      mime,
      !/json$/.test(mime) && Array.isArray(value) ? value.join("") : value,
    ]),
  );
}

/** A cell's outputs as both sides can be compared: text stored whole, consecutive stream writes joined (nbclient joins them). */
function comparable(outputs: Output[] | undefined): unknown[] {
  const joined: Output[] = [];
  for (const output of outputs ?? []) {
    const text = Array.isArray(output.text) ? output.text.join("") : output.text;
    const last = joined.at(-1);
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name)
      last.text = `${last.text ?? ""}${text ?? ""}`;
    else
      joined.push({
        output_type: output.output_type,
        name: output.name,
        text,
        data: joinedData(output.data),
        ename: output.ename,
        evalue: output.evalue,
      });
  }
  return joined.map(sortedKeys);
}

/** The value with every object's keys in order: nbformat writes them sorted, roilab as they came. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortedKeys(item)]),
  );
}

/**
 * Runs every notebook once more, untimed, with nbconvert on stock tslab into `stockDir`, and names each whose code
 * cells' outputs differ from roilab's executed copy in `roilabDir`.
 */
function sameOutputsAsStock(notebooks: string[], roilabDir: string, stockDir: string, stockEnv: NodeJS.ProcessEnv): string[] {
  timed("jupyter-nbconvert", ["--to", "notebook", "--execute", "--output-dir", stockDir, ...notebooks], undefined, stockEnv);
  const cells = (file: string) =>
    (JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; outputs?: Output[] }[] }).cells
      .filter((cell) => cell.cell_type === "code")
      .map((cell) => comparable(cell.outputs));
  return notebooks
    .map((file) => path.basename(file))
    .filter((name) => JSON.stringify(cells(path.join(roilabDir, name))) !== JSON.stringify(cells(path.join(stockDir, name))));
}

function reportBench(stockEnv: NodeJS.ProcessEnv): void {
  const notebooks = readdirSync(NOTEBOOKS)
    .filter((name) => name.endsWith(".ipynb"))
    .map((name) => path.join(NOTEBOOKS, name));
  const work = mkdtempSync(path.join(tmpdir(), "roilab-bench-"));
  const nbconvert = (out: string, cpuDir?: string) =>
    timed("jupyter-nbconvert", ["--to", "html", "--execute", "--output-dir", out, ...notebooks], cpuDir, stockEnv);
  // roilab publishes HTML reports as nbconvert does (executing first), so the two do the same job.
  const roilab = (out: string, cpuDir?: string) => timed(process.execPath, [ROILAB, "report", "--out", out, NOTEBOOKS], cpuDir);
  const cpu = { nbconvert: [] as Map<string, number>[], roilab: [] as Map<string, number>[] };
  const samples = { coldNbconvert: [] as number[], coldRoilab: [] as number[], warmNbconvert: [] as number[], warmRoilab: [] as number[] };
  let startup: ReturnType<typeof startupTimes>;
  let same: string[];
  try {
    process.stdout.write(`${notebooks.length} notebooks, ${ROUNDS} rounds, alternating nbconvert and roilab\n`);
    for (let round = 0; round < ROUNDS; round++) {
      samples.coldNbconvert.push(nbconvert(path.join(work, `nbconvert-${round}`), path.join(work, `cpu-nbconvert-${round}`)));
      // A fresh output folder: nothing to reuse.
      samples.coldRoilab.push(roilab(path.join(work, `roilab-${round}`), path.join(work, `cpu-roilab-${round}`)));
      cpu.nbconvert.push(kernelCpuSeconds(path.join(work, `cpu-nbconvert-${round}`), notebooks));
      cpu.roilab.push(kernelCpuSeconds(path.join(work, `cpu-roilab-${round}`), notebooks));
    }
    const keep = process.env.ROILAB_BENCH_PROFILES;
    if (keep) cpSync(path.join(work, "cpu-roilab-0"), keep, { recursive: true });
    for (let round = 0; round < ROUNDS; round++) {
      samples.warmNbconvert.push(nbconvert(path.join(work, "nbconvert-0")));
      // The first cold run's folder: every notebook is unchanged since.
      samples.warmRoilab.push(roilab(path.join(work, "roilab-0")));
    }
    startup = startupTimes(path.join(work, "roilab-0"));
    same = sameOutputsAsStock(notebooks, path.join(work, "roilab-0"), path.join(work, "stock-notebooks"), stockEnv);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const row = (label: string, a: number[], b: number[]) =>
    `${label.padEnd(16)} nbconvert ${median(a).toFixed(2).padStart(6)} s   roilab ${median(b).toFixed(2).padStart(6)} s   ratio ${(median(b) / median(a)).toFixed(3)}`;
  process.stdout.write(`${row("cold", samples.coldNbconvert, samples.coldRoilab)}   (goal <= 0.2, aim 0.1)\n`);
  process.stdout.write(`${row("nothing changed", samples.warmNbconvert, samples.warmRoilab)}\n`);
  const over = (value: number) => `${value.toFixed(2)} s (${(value - startup.node).toFixed(2)} s over node -e 0)`;
  process.stdout.write(
    `start-up, median of ${STARTUP_ROUNDS}: node -e 0 ${startup.node.toFixed(2)} s   roilab --version ${over(startup.version)} (goal <= 0.2 over)   report, all cached ${over(startup.cachedReport)} (goal <= 0.5 over)\n`,
  );
  process.stdout.write(
    same.length
      ? `outputs: ${same.length} notebooks differ from stock tslab's: ${same.join(", ")}\n`
      : `outputs: every notebook's cells give stock tslab's outputs (nbconvert --to notebook)\n`,
  );
  if (same.length) process.exitCode = 1;
  process.stdout.write("\nkernel CPU, user + system, median of the cold rounds\n");
  const medianOf = (maps: Map<string, number>[], name: string) => {
    const values = maps.flatMap((map) => (map.has(name) ? [map.get(name) as number] : []));
    return values.length ? median(values) : undefined;
  };
  const seconds = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)} s`).padStart(8);
  const totals = { nbconvert: 0, roilab: 0 };
  for (const notebook of notebooks.map((file) => path.basename(file))) {
    const [a, b] = [medianOf(cpu.nbconvert, notebook), medianOf(cpu.roilab, notebook)];
    totals.nbconvert += a ?? 0;
    totals.roilab += b ?? 0;
    process.stdout.write(`${notebook.padEnd(32)} nbconvert's kernel ${seconds(a)}   roilab's kernel ${seconds(b)}\n`);
  }
  process.stdout.write(
    `${"all notebooks".padEnd(32)} nbconvert's kernel ${seconds(totals.nbconvert || undefined)}   roilab's kernel ${seconds(totals.roilab)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
