/**
 * What the README says of the project's own files, checked against them: the notebooks it lists and how many, the
 * figures each shows, and the folders of `src/` its layer table names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The README's section under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The rows of the markdown table whose header row is `header`, each as its cells. */
function tableRows(text: string, header: string): string[][] {
  const lines = text.split("\n");
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no table headed ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const NOTEBOOKS = readdirSync(path.join(ROOT, "notebooks"))
  .filter((name) => name.endsWith(".ipynb"))
  .map((name) => name.replace(/\.ipynb$/, ""));
const CHAPTER_NOTEBOOKS = NOTEBOOKS.filter((name) => name.startsWith("59."));

/** A figure's number: a chapter section and a letter (`59.4a`, `59.3w` for a what-if panel's), or the decision page's `D1`. */
const FIGURE_NUMBER = /^(?:59\.\d+[a-z]|D\d+)$/;
const FIGURE_NUMBERS_IN_TEXT = /(?<![\w.])(?:59\.\d+[a-z]|D\d+)(?![\w.])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/** The figure numbers a text gives as a string (`number: "59.4a"`, `renumberFigure(..., "59.4c")`) or in a title (`Figure 59.7w — `). */
function figureNumbers(text: string): string[] {
  const quoted = [...text.matchAll(/["'`]([^"'`\s]+)["'`]/g)].map((match) => match[1]!);
  const titled = [...text.matchAll(/Figure (\S+) —/g)].map((match) => match[1]!);
  return [...quoted, ...titled].filter((number) => FIGURE_NUMBER.test(number));
}

/** The notebook that shows a figure: the decision page's are `D`, a chapter section's its notebook's (`59.4a`: 59.4-…). */
const notebookOf = (number: string) =>
  number.startsWith("D")
    ? NOTEBOOKS.find((name) => name.startsWith("00-"))
    : NOTEBOOKS.find((name) => name.startsWith(`${number.replace(/[a-z]$/, "")}-`));

/**
 * Every figure number the notebooks can show, by notebook: those the figure builders, the analyses and the what-if
 * panels give their figures, and those a notebook gives a figure it shows again under a number of its own.
 */
const FIGURES = new Map<string, Set<string>>(NOTEBOOKS.map((name) => [name, new Set<string>()]));
for (const folder of ["charts", "analysis", "panels"]) {
  for (const file of sourceFiles(path.join(ROOT, "src", folder))) {
    for (const number of figureNumbers(readFileSync(file, "utf8"))) {
      const notebook = notebookOf(number);
      if (!notebook) throw new Error(`${path.relative(ROOT, file)}: figure ${number} belongs to no notebook`);
      FIGURES.get(notebook)!.add(number);
    }
  }
}
for (const name of NOTEBOOKS) {
  const notebook = JSON.parse(readFileSync(path.join(ROOT, "notebooks", `${name}.ipynb`), "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const code = notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => [cell.source].flat().join(""));
  for (const number of figureNumbers(code.join("\n"))) FIGURES.get(name)!.add(number);
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

/** Files of src/analysis every notebook reads through (lookups, a workload, a currency, figure colours): not concepts of one section. */
const SHARED_ANALYSIS = new Set(["lookup", "figure-context", "panels", "model-inputs", "currency", "workload"]);

/** Each notebook's concepts: the src/analysis files that export what its cells import from the library, sorted. */
function notebookConcepts(): Map<string, string[]> {
  const folder = path.join(ROOT, "src", "analysis");
  const fileOf = new Map<string, string>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".ts"))) {
    const text = readFileSync(path.join(folder, name), "utf8");
    for (const match of text.matchAll(/^export (?:async )?(?:function|const|class|interface|type|enum) (\w+)/gm))
      fileOf.set(match[1]!, name.replace(/\.ts$/, ""));
  }
  return new Map(
    NOTEBOOKS.map((notebook) => {
      const cells = (
        JSON.parse(readFileSync(path.join(ROOT, "notebooks", `${notebook}.ipynb`), "utf8")) as {
          cells: { cell_type: string; source: string | string[] }[];
        }
      ).cells;
      const code = cells
        .filter((cell) => cell.cell_type === "code")
        .map((cell) => [cell.source].flat().join(""))
        .join("\n");
      const imported = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\."/g)].flatMap((match) =>
        match[1]!.split(",").map((name) =>
          name
            .trim()
            .replace(/^type /, "")
            .split(" as ")[0]!
            .trim(),
        ),
      );
      const files = imported.flatMap((name) => fileOf.get(name) ?? []).filter((file) => !SHARED_ANALYSIS.has(file));
      return [notebook, [...new Set(files)].sort()];
    }),
  );
}

describe("the README", () => {
  const notebooks = section("The notebooks");
  const rows = tableRows(notebooks, "| notebook | what it shows | concepts it draws on (`src/analysis`) | figures |");

  it("lists every notebook in notebooks/, in the order of the report, and no other", () => {
    expect(NOTEBOOKS.length).toBeGreaterThan(10);
    const chapterOrder = (name: string) => (name.startsWith("59.") ? Number(name.split(/[.-]/)[1]) : 0);
    expect(rows.map((row) => row[0]!.replace(/`/g, ""))).toEqual([...NOTEBOOKS].sort((a, b) => chapterOrder(a) - chapterOrder(b)));
  });

  it("counts the notebooks as they are, wherever it counts them in words", () => {
    const claims = [...README.matchAll(/\b([a-z]+) (chapter )?notebooks\b/gi)].filter((match) =>
      NUMBER_WORDS.includes(match[1]!.toLowerCase()),
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const [claim, word, chapter] of claims)
      expect(NUMBER_WORDS.indexOf(word!.toLowerCase()), claim).toBe((chapter ? CHAPTER_NOTEBOOKS : NOTEBOOKS).length);
  });

  it("names the concepts each notebook draws on: the src/analysis files its imports come from, beyond the shared readers", () => {
    const concepts = notebookConcepts();
    expect(concepts.get("59.9-closing-questions")).toEqual(expect.arrayContaining(["ab-test", "failover", "ops-cost", "vram"]));
    for (const row of rows) {
      const name = row[0]!.replace(/`/g, "");
      const named = [...row[2]!.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]!);
      expect(named, name).toEqual(concepts.get(name));
    }
  });

  it("names every figure each notebook shows, and only those", () => {
    const all = [...FIGURES.values()].flatMap((numbers) => [...numbers]);
    // The figures of the decision page and of eleven chapter sections, what-if figures and panels included.
    expect(all).toEqual(expect.arrayContaining(["D1", "D2", "59.1a", "59.1c", "59.3w", "59.5a", "59.7w", "59.9e", "59.10w", "59.11b"]));
    for (const row of rows) {
      const name = row[0]!.replace(/`/g, "");
      const named = new Set(row.at(-1)!.match(FIGURE_NUMBERS_IN_TEXT) ?? []);
      expect([...named].sort(), name).toEqual([...FIGURES.get(name)!].sort());
    }
  });

  it("names every folder and module of src/ in its layer table, and nothing src/ lacks", () => {
    const layers = tableRows(section("How it is built"), "| folder | its one job | may import |").flatMap((row) =>
      [...row[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
    );
    const entries = readdirSync(path.join(ROOT, "src"))
      .map((name) => name.replace(/\.ts$/, ""))
      // The package's entry points, not layers.
      .filter((name) => !["index", "bin"].includes(name));
    expect([...layers].sort()).toEqual(entries.sort());
  });

  it("names test files that exist where it says how modules are tested", () => {
    const paragraph = section("How it is built").slice(section("How it is built").indexOf("`test/architecture.test.ts`"));
    const named = [...paragraph.matchAll(/`(test\/[^`]*)`/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(4);
    for (const file of named) expect(statSync(path.join(ROOT, file), { throwIfNoEntry: false }), file).toBeDefined();
  });

  it("names, for each concept, files of model, analysis, charts and panels that exist, and every concept file of those layers", () => {
    const layers = ["model", "analysis", "charts", "panels"] as const;
    const rows = tableRows(section("How it is built"), "| concept | `model` | `analysis` (from a data folder) | `charts` | `panels` |");
    const named = new Map<string, Set<string>>(layers.map((layer) => [layer, new Set<string>()]));
    for (const row of rows) {
      layers.forEach((layer, index) => {
        // A file's name is a backticked name at the start or after a comma; backticked names in brackets are its functions.
        const cell = (row[index + 1] ?? "").replace(/\([^)]*\)/g, "");
        for (const match of cell.matchAll(/`([a-z0-9-]+)`/g)) named.get(layer)!.add(match[1]!);
      });
    }
    // Files every concept shares rather than one concept's: index files, the figure theme (and how it tells series apart), panel ranges, definition, advice and MIME type, the shared readers.
    const shared = new Set([
      "index",
      "figure",
      "theme",
      "series-looks",
      "end-labels",
      "ranges",
      "mime",
      "definition",
      "advice",
      "lookup",
      "figure-context",
      "panels",
      "model-inputs",
      "text",
    ]);
    for (const layer of layers) {
      const files = readdirSync(path.join(ROOT, "src", layer)).map((name) => name.replace(/\.ts$/, ""));
      for (const file of named.get(layer)!) expect(files, `${layer}/${file}`).toContain(file);
      expect(
        files.filter((file) => !shared.has(file) && !named.get(layer)!.has(file)),
        layer,
      ).toEqual([]);
    }
  });
});
