/**
 * The figures a notebook draws, without a kernel: its code cells run in this process, importing the library from
 * `src/`, with the display helpers recording each figure as `displayFigure` sends it (in the display currency) and
 * each what-if panel's figure as the page first draws it (evaluated at its defaults, in the notebook's currency).
 * The data folder and parameters are given as `roilab run --data` and `-p` give them; a default path into the data
 * (`../data`) is resolved from the notebooks' folder, as a kernel started there resolves it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { transformSync } from "esbuild";
import * as library from "../../src";
import type { Figure } from "../../src/charts";
import { editionParameters } from "../../src/data/edition-parameters";
import { declaredParameters, type Parameters } from "../../src/notebook/parameters";
import type { PanelDefinition, PanelSpec } from "../../src/panels";

export const NOTEBOOKS_DIR = path.resolve(__dirname, "../../notebooks");

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
}

/** A figure a page shows, and where: the notebook and the figure's number, or the panel it belongs to. */
export interface DrawnFigure {
  notebook: string;
  /** "Figure 59.3a" for a notebook's figure, "panel break-even" for a what-if panel's. */
  label: string;
  figure: Figure;
  /** The currency the page shows money in for this figure (`--currency`, where the notebook takes one). */
  currency: string;
}

/** The figure a panel draws before the reader moves any input, on a wide screen. */
function panelFigure(spec: PanelSpec): Figure {
  const definition = library.PANEL_DEFINITIONS[spec.kind] as PanelDefinition<PanelSpec, unknown>;
  return definition.show(spec, spec.defaults, { narrow: false }).figure;
}

/** A parameter's value as a kernel in notebooks/ would see it, from the project's folder: `../data` is `data`. */
function fromProject(value: unknown): unknown {
  return typeof value === "string" && value.startsWith("../") ? path.relative(process.cwd(), path.resolve(NOTEBOOKS_DIR, value)) : value;
}

/** The parameters cell with every declaration `values` names given its value, and paths into the data made the project's. */
function parametersSource(source: string, values: Parameters): string {
  const declared = new Map(declaredParameters(source).map((parameter) => [parameter.name, parameter]));
  return source
    .split("\n")
    .map((line) => {
      const parameter = declared.get(/^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)/.exec(line)?.[1] ?? "");
      if (parameter === undefined) return line;
      let value: unknown;
      try {
        value = parameter.name in values ? values[parameter.name] : JSON.parse(parameter.defaultSource);
      } catch {
        return line; // a default that is an expression, not a literal
      }
      return `const ${parameter.name}${parameter.type ? `: ${parameter.type}` : ""} = ${JSON.stringify(fromProject(value))};`;
    })
    .join("\n");
}

/**
 * Runs `notebook` (a file name in notebooks/) on the data folder `dataDir` (its parameters.json gives the values it
 * names, as `roilab run --data` does) with `overrides` (`-p`), and returns every figure its page shows, in order.
 */
export function drawNotebook(notebook: string, dataDir?: string, overrides: Parameters = {}): DrawnFigure[] {
  const values: Parameters = dataDir === undefined ? overrides : { ...(editionParameters(dataDir) as Parameters), dataDir, ...overrides };
  const cells = (JSON.parse(readFileSync(path.join(NOTEBOOKS_DIR, notebook), "utf8")) as { cells: NotebookCell[] }).cells;
  const source = cells
    .filter((cell) => cell.cell_type === "code")
    .map((cell) => {
      const text = [cell.source].flat().join("");
      return cell.metadata?.tags?.includes("parameters") ? parametersSource(text, values) : text;
    })
    .join("\n;\n");
  const { code } = transformSync(source, { loader: "ts", format: "cjs", target: "node22" });
  const drawn: DrawnFigure[] = [];
  const lib = {
    ...library,
    displayFigure: (figure: Figure) => {
      const shown = library.figureInCurrency(figure);
      drawn.push({
        notebook,
        label: shown.layout.title.text.split(" — ")[0] as string,
        figure: shown,
        currency: library.displayCurrencyCode(),
      });
    },
    displayWhatIfPanel: (spec: PanelSpec) => {
      const figure = library.figureInCurrency(panelFigure(spec));
      drawn.push({
        notebook,
        label: `what-if panel, ${figure.layout.title.text.split(" — ")[0]}`,
        figure,
        currency: library.displayCurrencyCode(),
      });
    },
    // A what-if section: the live panel, drawn at the notebook's values under the section's figure number, as a wide
    // screen and as a phone draw it.
    displayWhatIf: (spec: PanelSpec, figureNumber: string) => {
      const definition = library.PANEL_DEFINITIONS[spec.kind] as PanelDefinition<PanelSpec, unknown>;
      const shown = definition.show(spec, spec.defaults, { narrow: false });
      const figure = library.figureInCurrency(library.renumberFigure(shown.figure, figureNumber));
      const narrow = library.figureInCurrency(
        library.renumberFigure(definition.show(spec, spec.defaults, { narrow: true }).figure, figureNumber),
      );
      const currency = library.displayCurrencyCode();
      drawn.push({ notebook, label: `Figure ${figureNumber}, a live panel`, figure, currency });
      if (JSON.stringify(narrow) !== JSON.stringify(figure))
        drawn.push({ notebook, label: `Figure ${figureNumber}, a live panel on a phone`, figure: narrow, currency });
      return { ...shown, figure };
    },
    displayTable: () => undefined,
    displayMarkdown: () => undefined,
  };
  const nodeRequire = createRequire(path.join(NOTEBOOKS_DIR, notebook));
  const notebookRequire = (id: string) => (id === ".." ? lib : nodeRequire(id));
  const module = { exports: {} };
  try {
    new Function("require", "module", "exports", code)(notebookRequire, module, module.exports);
  } finally {
    library.setDisplayCurrency("USD");
  }
  return drawn;
}
