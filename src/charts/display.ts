import { PLOTLY_MIME, type Figure } from "./figure";
import { htmlTable, type FrameLike, type TableColumn } from "./table";
import { WHATIF_MIME, type BreakEvenPanelSpec } from "./whatif";
import type { CapacityPanelSpec } from "./whatif-capacity";
import type { TornadoPanelSpec } from "./whatif-tornado";

/** Showing figures and tables in a notebook cell run by tslab. */


interface TslabJupyter {
  lastWriteDisplayData?: (data: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const tslab = () => require("tslab") as typeof import("tslab");
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Shows a figure as `application/vnd.plotly.v1+json` (interactive in JupyterLab and VS Code), with its title
 * as text/plain for front ends without Plotly. tslab's public display sends one MIME type per call, so the
 * bundle goes through the kernel's display channel directly when it is there.
 */
export function displayFigure(figure: Figure): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const channel = (require("tslab/dist/jupyter") as TslabJupyter).lastWriteDisplayData;
  const bundle = { [PLOTLY_MIME]: figure, "text/plain": figure.layout.title.text };
  if (channel) channel({ data: bundle, metadata: {}, transient: {} }, false);
  else tslab().display.raw(PLOTLY_MIME, figure as unknown as string);
}

/** Shows rows or a DataFrame as a formatted HTML table. */
export function displayTable(source: FrameLike | readonly Record<string, unknown>[], columns: readonly TableColumn[], caption?: string): void {
  tslab().display.html(htmlTable(source, columns, caption));
}

/** Shows markdown (a headline number, a note) in the cell's output. */
export function displayMarkdown(markdown: string): void {
  tslab().display.markdown(markdown);
}

/**
 * Declares an interactive what-if panel for the HTML report (recomputed in the reader's browser). Jupyter
 * front ends show the text fallback; the notebook's own what-if cell serves them.
 */
export function displayWhatIfPanel(spec: BreakEvenPanelSpec | CapacityPanelSpec | TornadoPanelSpec): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const channel = (require("tslab/dist/jupyter") as TslabJupyter).lastWriteDisplayData;
  const bundle = { [WHATIF_MIME]: spec, "text/plain": `What-if panel "${spec.title}": interactive in the HTML report` };
  if (channel) channel({ data: bundle, metadata: {}, transient: {} }, false);
  else tslab().display.raw(WHATIF_MIME, spec as unknown as string);
}
