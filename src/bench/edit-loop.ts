/**
 * The edit loop an analyst lives in: save a changed price in models.csv, look at the page. Times `roilab
 * preview` of the whole report from the save to the open 59.1 page (headless Chromium) showing the new number, beside
 * `jupyter-nbconvert --execute --to html` of the same notebook, and splits preview's time into its steps.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { PROJECT_ROOT } from "../util/project-root";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const NOTEBOOK = path.join(PROJECT_ROOT, "notebooks", "59.1-cost-model.ipynb");
const ROILAB = path.join(PROJECT_ROOT, "dist", "bin.js");
/** The model whose input price is edited; 59.1's price list shows it as `$N.NN`. */
const MODEL_ROW = /^(claude-3-5-sonnet,[^,]*,[^,]*,)[^,]*,/m;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface Sample {
  /** Everything, from the save to the new number on the page. */
  totalS: number;
  /** Save to the run starting (file watch and settling). */
  watchS: number;
  /** The notebook's run: taking a kernel and its cells. */
  runS: number;
  /** The run's slowest cell, and which (numbered among code cells). */
  slowestCellS: number;
  slowestCell: number;
  /** Publishing the page and index after the run. */
  publishS: number;
  /** The reload message, the page's reload and its figures drawn until the number shows. */
  reloadS: number;
}

/** Lines of the preview's log, each with the time it arrived. */
function logLines(child: ChildProcess): { lines: { at: number; text: string }[] } {
  const log = { lines: [] as { at: number; text: string }[] };
  let partial = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const at = performance.now();
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    for (const text of parts) log.lines.push({ at, text });
  });
  return log;
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 300_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`edit-loop bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function previewEditLoop(rounds: number): Promise<Sample[]> {
  const work = mkdtempSync(path.join(tmpdir(), "roilab-bench-edit-"));
  const data = path.join(work, "data");
  cpSync(path.join(PROJECT_ROOT, "data"), data, { recursive: true });
  const models = path.join(data, "models.csv");
  const out = path.join(work, "out");
  // The whole report, as a new user starts it; 59.1's page is the one open.
  const preview = spawn(process.execPath, [ROILAB, "preview", path.dirname(NOTEBOOK), "--data", data, "--out", out, "--port", "0"], {
    cwd: PROJECT_ROOT,
  });
  const log = logLines(preview);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      preview.stdout?.on("data", (chunk: Buffer) => {
        text += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
        if (found) resolve(found[0]);
      });
      preview.once("exit", (code) =>
        reject(new Error(`roilab preview exited with ${code}:\n${log.lines.map((line) => line.text).join("\n")}`)),
      );
    });
    const name = path.basename(NOTEBOOK);
    const isPublished = (text: string) => text.startsWith("published") && text.includes(name);
    await waitFor("the first build", () => (log.lines.some((line) => isPublished(line.text)) ? true : undefined));
    // An analyst reads the page between saves: every notebook the last save concerned has run, and the preview
    // has been quiet for a while (the spare kernels it starts say when they are ready).
    const settled = () =>
      waitFor("the preview to settle", () => {
        const lastIndex = (test: (text: string) => boolean) =>
          log.lines.reduce((found, line, index) => (test(line.text) ? index : found), -1);
        const lastRun = lastIndex((text) => text.startsWith("running "));
        const lastBuild = lastIndex((text) => /^(published|failed) /.test(text));
        const last = log.lines.at(-1);
        return last && performance.now() - last.at > 2000 && lastBuild > lastRun ? true : undefined;
      });
    const page = await browser.newPage();
    await page.goto(`${url}${path.basename(NOTEBOOK, ".ipynb")}.html`);
    const samples: Sample[] = [];
    for (let round = 0; round < rounds; round++) {
      const price = `${(7 + (round + 1) * 0.11).toFixed(2)}`;
      // An analyst looks at the page between saves; meanwhile the rest of the report runs and spare kernels boot.
      await settled();
      const seen = log.lines.length;
      const shown = page.waitForFunction((wanted) => document.body.textContent.includes(wanted), `$${price}`, {
        timeout: 300_000,
        polling: "raf",
      });
      const saved = performance.now();
      writeFileSync(models, readFileSync(models, "utf8").replace(MODEL_ROW, `$1${price},`));
      await shown;
      const done = performance.now();
      const lines = log.lines.slice(seen);
      const started = lines.find((line) => line.text.startsWith("running"));
      const published = lines.find((line) => isPublished(line.text));
      const numbers = /run ([\d.]+) s, build with pages ([\d.]+) s/.exec(published?.text ?? "");
      if (!started || !published || !numbers)
        throw new Error(`edit-loop bench: the preview did not say how it ran:\n${lines.map((line) => line.text).join("\n")}`);
      const runS = Number(numbers[1]);
      const buildS = Number(numbers[2]);
      const slowest = slowestCell(path.join(out, `${path.basename(NOTEBOOK, ".ipynb")}.ipynb`));
      samples.push({
        slowestCellS: slowest.seconds,
        slowestCell: slowest.cell,
        totalS: (done - saved) / 1000,
        watchS: (started.at - saved) / 1000,
        runS,
        publishS: buildS - runS,
        reloadS: (done - saved) / 1000 - (started.at - saved) / 1000 - buildS,
      });
    }
    return samples;
  } finally {
    await browser.close();
    preview.kill("SIGTERM");
    await new Promise((resolve) => (preview.exitCode === null ? preview.once("exit", resolve) : resolve(undefined)));
    rmSync(work, { recursive: true, force: true });
  }
}

/** The code cell of an executed notebook that took longest, from the timing each cell records. */
function slowestCell(file: string): { cell: number; seconds: number } {
  const notebook = JSON.parse(readFileSync(file, "utf8")) as {
    cells: { cell_type: string; metadata: { execution?: Record<string, string> } }[];
  };
  const times = notebook.cells
    .filter((cell) => cell.cell_type === "code")
    .map((cell) => {
      const execution = cell.metadata.execution ?? {};
      return (Date.parse(execution["shell.execute_reply"] ?? "") - Date.parse(execution["shell.execute_request"] ?? "")) / 1000;
    });
  const seconds = Math.max(...times);
  return { cell: times.indexOf(seconds) + 1, seconds };
}

function nbconvertOnce(out: string, env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync("jupyter-nbconvert", ["--to", "html", "--execute", "--output-dir", out, NOTEBOOK], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env,
  });
  if (result.status !== 0) throw new Error(`jupyter-nbconvert failed (exit code ${result.status}):\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * Prints the edit-loop figures: preview's median and its parts, nbconvert's median, and their ratio.
 * `nbconvertEnv` is where nbconvert finds its kernel (stock tslab, see stock-kernel.ts).
 */
export async function editLoopBench(rounds: number, write: (text: string) => void, nbconvertEnv: NodeJS.ProcessEnv): Promise<void> {
  write(`edit loop: ${path.basename(NOTEBOOK)}, a price saved in models.csv until the open page shows it, median of ${rounds}\n`);
  const samples = await previewEditLoop(rounds);
  const out = mkdtempSync(path.join(tmpdir(), "roilab-bench-nbconvert-"));
  let nbconvert: number[];
  try {
    nbconvert = Array.from({ length: rounds }, () => nbconvertOnce(out, nbconvertEnv));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const part = (key: keyof Sample) =>
    median(samples.map((sample) => sample[key]))
      .toFixed(2)
      .padStart(6);
  write(`  each round (s): ${samples.map((sample) => sample.totalS.toFixed(2)).join(", ")}\n`);
  write(
    `  roilab preview ${part("totalS")} s   (save to run ${part("watchS")} s, run ${part("runS")} s of which its slowest cell ${part("slowestCellS")} s (code cell ${samples.map((sample) => sample.slowestCell).join("/")}), publish ${part("publishS")} s, reload and draw ${part("reloadS")} s)   (goal <= 1.0, aim 0.6)\n`,
  );
  write(
    `  nbconvert      ${median(nbconvert).toFixed(2).padStart(6)} s   (jupyter-nbconvert --execute --to html, each round: ${nbconvert.map((value) => value.toFixed(2)).join(", ")})\n`,
  );
  write(`  ratio          ${(median(samples.map((sample) => sample.totalS)) / median(nbconvert)).toFixed(3)}\n`);
}
