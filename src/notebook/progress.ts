/** Progress of a run: live bars per notebook on a terminal, one plain line per notebook otherwise. */
import type { SingleBar } from "cli-progress";
import type { NotebookResult } from "./execute";
import type { RunReporter } from "./run";

function summary(result: NotebookResult): string {
  const label = { ok: "ok", cached: "cached", failed: "FAILED" }[result.status];
  const detail = result.status === "cached" ? "unchanged, reused" : `${result.cellsRun} cells, ${(result.durationMs / 1000).toFixed(1)} s`;
  return `${label.padEnd(6)}  ${result.name}  (${detail}) -> ${result.outputFile}`;
}

/** Plain lines, for logs and CI: one per notebook as it finishes. */
export function plainReporter(write: (text: string) => void): RunReporter {
  return {
    start: () => undefined,
    cell: () => undefined,
    finish: (result) => write(`${summary(result)}\n`),
    close: () => undefined,
  };
}

/** Live bars, one per notebook, counting its code cells. */
export function terminalReporter(stream: NodeJS.WriteStream): RunReporter {
  // Loaded here: plain runs (CI, logs, re-runs with nothing to do) never draw bars.
  const { MultiBar, Presets } = require("cli-progress") as typeof import("cli-progress");
  const multibar = new MultiBar(
    { stream, format: " {bar} {value}/{total} cells  {name}  {state}", hideCursor: true, clearOnComplete: false, autopadding: true },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  return {
    start(notebooks) {
      for (const notebook of notebooks)
        bars.set(notebook.name, multibar.create(notebook.codeCells, 0, { name: notebook.name, state: "waiting" }));
    },
    cell(event) {
      bars.get(event.notebook)?.update(event.done, { state: `ran cell ${event.cellNumber}` });
    },
    finish(result) {
      const bar = bars.get(result.name);
      const state = { ok: "done", cached: "unchanged, reused", failed: "FAILED" }[result.status];
      if (result.status === "cached") bar?.update(bar.getTotal(), { state });
      else bar?.update({ state });
    },
    close() {
      multibar.stop();
    },
  };
}
