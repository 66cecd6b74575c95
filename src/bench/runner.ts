#!/usr/bin/env node
/**
 * npm run bench: roilab against `jupyter nbconvert --execute --to html` on the same notebooks, in one run,
 * alternating A B A B so both see the same machine state. Cold: nothing cached. Warm: nothing changed since
 * the last run. Prints each side's median and roilab's time as a ratio of nbconvert's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";

const ROUNDS = Number(process.env.ROILAB_BENCH_ROUNDS ?? 3);
const NOTEBOOKS = path.join(PROJECT_ROOT, "notebooks");
const ROILAB = path.join(PROJECT_ROOT, "dist", "bin.js");

function timed(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${command} ${args.join(" ")} failed (exit code ${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function main(): void {
  if (spawnSync("jupyter-nbconvert", ["--version"], { encoding: "utf8" }).status !== 0) {
    process.stderr.write(
      "jupyter nbconvert is not installed. On Debian or Ubuntu: apt-get install jupyter-nbconvert python3-nbclient;\n" +
        "elsewhere: pip install nbconvert nbclient. Then register the kernel with npm run kernel:install.\n",
    );
    process.exit(2);
  }
  const notebooks = readdirSync(NOTEBOOKS).filter((name) => name.endsWith(".ipynb")).map((name) => path.join(NOTEBOOKS, name));
  const work = mkdtempSync(path.join(tmpdir(), "roilab-bench-"));
  const nbconvert = (out: string) => timed("jupyter-nbconvert", ["--to", "html", "--execute", "--output-dir", out, ...notebooks]);
  // roilab publishes HTML reports as nbconvert does (executing first), so the two do the same job.
  const roilab = (out: string) => timed(process.execPath, [ROILAB, "report", "--out", out, NOTEBOOKS]);
  const samples = { coldNbconvert: [] as number[], coldRoilab: [] as number[], warmNbconvert: [] as number[], warmRoilab: [] as number[] };
  try {
    process.stdout.write(`${notebooks.length} notebooks, ${ROUNDS} rounds, alternating nbconvert and roilab\n`);
    for (let round = 0; round < ROUNDS; round++) {
      samples.coldNbconvert.push(nbconvert(path.join(work, `nbconvert-${round}`)));
      // A fresh output folder: nothing to reuse.
      samples.coldRoilab.push(roilab(path.join(work, `roilab-${round}`)));
    }
    for (let round = 0; round < ROUNDS; round++) {
      samples.warmNbconvert.push(nbconvert(path.join(work, "nbconvert-0")));
      // The first cold run's folder: every notebook is unchanged since.
      samples.warmRoilab.push(roilab(path.join(work, "roilab-0")));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const row = (label: string, a: number[], b: number[]) =>
    `${label.padEnd(16)} nbconvert ${median(a).toFixed(2).padStart(6)} s   roilab ${median(b).toFixed(2).padStart(6)} s   ratio ${(median(b) / median(a)).toFixed(3)}`;
  process.stdout.write(`${row("cold", samples.coldNbconvert, samples.coldRoilab)}   (goal <= 0.4)\n`);
  process.stdout.write(`${row("nothing changed", samples.warmNbconvert, samples.warmRoilab)}   (goal <= 0.05)\n`);
}

main();
