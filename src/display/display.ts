/**
 * Showing figures, tables, markdown and what-if panels in a notebook cell run by tslab. tslab is required
 * when a helper is called, not when the library loads: outside a kernel (scripts, tests) it is never needed.
 */
import { figureInCurrency } from "../charts/currency";
import type { Figure } from "../charts/figure";
import { displayCurrencyCode, moneyText } from "../format";
import { PANEL_DEFINITIONS, type PanelSpec } from "../panels";
import type { PanelDefinition, PanelShown } from "../panels/definition";
import { WHATIF_MIME } from "../panels/mime";
import { PANEL_DEFAULT_METADATA, PLOTLY_MIME } from "../util/mime";
import { renumberFigure } from "../charts/theme";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { htmlTable, type FrameLike, type TableColumn } from "./html-table";

interface TslabJupyter {
  lastWriteDisplayData?: (
    data: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> },
    update: boolean,
  ) => void;
}

/* Required, not imported: tslab exists only inside a kernel; see the module comment. */
const tslab = () => require("tslab") as typeof import("tslab");
const kernelChannel = () => (require("tslab/dist/jupyter") as TslabJupyter).lastWriteDisplayData;

/**
 * Sends a MIME bundle with a text/plain fallback. tslab's public display sends one MIME type per call, so the
 * bundle goes through the kernel's display channel directly when it is there.
 */
function displayBundle(mime: string, value: unknown, plainText: string, metadata: Record<string, unknown> = {}): void {
  const channel = kernelChannel();
  if (channel) channel({ data: { [mime]: value, "text/plain": plainText }, metadata, transient: {} }, false);
  else tslab().display.raw(mime, value as string);
}

/** Shows a figure as `application/vnd.plotly.v1+json`, interactive in JupyterLab and VS Code, titled in plain text elsewhere. */
export function displayFigure(figure: Figure): void {
  const shown = figureInCurrency(figure);
  displayBundle(PLOTLY_MIME, shown, shown.layout.title.text);
}

/** Shows rows or a DataFrame as a formatted HTML table; `lang` writes its money cells in that language's way. */
export function displayTable(
  source: FrameLike | readonly Record<string, unknown>[],
  columns: readonly TableColumn[],
  caption?: string,
  lang: Lang = DEFAULT_LANG,
): void {
  // Labels are written in dollars; the numbers are in the display currency already.
  tslab().display.html(
    htmlTable(
      source,
      columns.map((column) => ({ ...column, label: moneyText(column.label ?? column.key) })),
      caption === undefined ? undefined : moneyText(caption),
      lang,
    ),
  );
}

/** Shows markdown (a headline number, a note) in the cell's output. */
export function displayMarkdown(markdown: string): void {
  tslab().display.markdown(moneyText(markdown));
}

/**
 * Declares an interactive what-if panel for the HTML report (recomputed in the reader's browser). Jupyter
 * front ends show the text fallback; the notebook's own what-if cell serves them.
 */
export function displayWhatIfPanel(spec: PanelSpec): void {
  // The page's panel script shows money in the currency the notebook's data is in.
  displayBundle(WHATIF_MIME, { ...spec, currency: displayCurrencyCode() }, `What-if panel "${spec.title}": interactive in the HTML report`);
}

/**
 * A what-if section's output: the panel evaluated at its defaults (its summary and its figure, numbered
 * `figureNumber`), then the panel itself. Jupyter shows the summary and the figure; the published page shows them
 * inside the live panel, which redraws them as the reader changes an input. Returns what was shown.
 */
export function displayWhatIf(spec: PanelSpec, figureNumber: string): PanelShown {
  const definition = PANEL_DEFINITIONS[spec.kind] as PanelDefinition<PanelSpec, unknown>;
  const shown = definition.show(spec, spec.defaults, { narrow: false });
  const figure = figureInCurrency(renumberFigure(shown.figure, figureNumber));
  const atDefaults = { [PANEL_DEFAULT_METADATA]: true };
  const summary = moneyText(shown.summary);
  displayBundle("text/markdown", summary, summary, atDefaults);
  displayBundle(PLOTLY_MIME, figure, figure.layout.title.text, atDefaults);
  displayWhatIfPanel(spec);
  return { ...shown, figure };
}
