import { readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { type Cell, cellSource, readNotebook } from "../../src/notebook/nbformat";
import { pageCells, translationHash, translationMark, translationMetadata, translationProblems } from "../../src/notebook/translations";

const markdown = (id: string, source: string, metadata: Cell["metadata"] = {}): Cell => ({ id, cell_type: "markdown", source, metadata });
const code = (id: string, source: string): Cell => ({ id, cell_type: "code", source, metadata: {}, outputs: [], execution_count: null });
const chinese = (id: string, source: string, english: Cell): Cell => markdown(id, source, translationMetadata(english, "zh-CN"));

const title = markdown("title", "# Cost\n\nWhat a month costs.", { tags: ["screen-only"] });
const parameters = code("parameters", "const calls = 1000;");
const method = markdown("method", "## Method\n\nCost per call times calls.");
const closing = markdown("closing", "Re-run the next cell.");
const cells = [
  title,
  chinese("title-zh", "# 成本\n\n一个月的花费。", title),
  parameters,
  method,
  chinese("method-zh", "## 方法\n\n单次成本乘以调用量。", method),
  closing,
];

describe("translation cells", () => {
  it("are hashed on the English text, whatever its line endings or final newline", () => {
    expect(translationHash("# Cost\n\nWhat a month costs.")).toMatch(/^[0-9a-f]{16}$/);
    expect(translationHash("# Cost\r\n\r\nWhat a month costs.\n")).toBe(translationHash("# Cost\n\nWhat a month costs."));
    expect(translationHash("# Cost\n\nWhat a month costs")).not.toBe(translationHash("# Cost\n\nWhat a month costs."));
    expect(translationMetadata(title, "zh-CN")).toEqual({ roilab: { lang: "zh-CN", translates: translationHash(title.source as string) } });
  });

  it("are left out of an English page, which shows every other cell as it is", () => {
    const page = pageCells(cells, "en");
    expect(page.cells.map((cell) => cell.cell.id)).toEqual(["title", "parameters", "method", "closing"]);
    expect(page.cells.map((cell) => cell.source)).toEqual([title.source, parameters.source, method.source, closing.source]);
    expect(page.cells.every((cell) => cell.translation === undefined)).toBe(true);
    expect(page.problems).toEqual([]);
    expect(pageCells(cells)).toEqual(page);
  });

  it("take their English cell's place on a Chinese page, which keeps that cell's tags; code stays as it is", () => {
    const page = pageCells(cells, "zh-CN");
    expect(page.cells.map((cell) => [cell.cell.id, cell.source, cell.translation?.id])).toEqual([
      ["title", "# 成本\n\n一个月的花费。", "title-zh"],
      ["parameters", "const calls = 1000;", undefined],
      ["method", "## 方法\n\n单次成本乘以调用量。", "method-zh"],
      ["closing", "Re-run the next cell.", undefined],
    ]);
    expect(page.cells[0]!.cell.metadata.tags).toEqual(["screen-only"]);
  });

  it("leave an English cell without a translation in English on a Chinese page, and report it", () => {
    expect(pageCells(cells, "zh-CN").problems).toEqual([{ index: 5, id: "closing", reason: "missing" }]);
    expect(translationProblems(cells, "zh-CN")).toEqual([{ index: 5, id: "closing", reason: "missing" }]);
  });

  it("go stale when their English cell changes: the page shows the English, and the cell is reported", () => {
    const edited = { ...method, source: "## Method\n\nCost per call times calls a day." };
    const changed = cells.map((cell) => (cell === method ? edited : cell));
    const page = pageCells(changed, "zh-CN");
    expect(page.cells.find((cell) => cell.cell.id === "method")).toEqual({ cell: edited, source: edited.source });
    expect(page.problems).toEqual([
      { index: 3, id: "method", reason: "stale: English changed since translation" },
      { index: 5, id: "closing", reason: "missing" },
    ]);
    // Only the text counts: the English cell's tags may change without staling its translation.
    const tagged = cells.map((cell) => (cell === method ? { ...method, metadata: { tags: ["print-small"] } } : cell));
    expect(translationProblems(tagged, "zh-CN").map((problem) => problem.reason)).toEqual(["missing"]);
  });

  it("report a translation that follows no English markdown cell, and one too many", () => {
    const stray = chinese("stray", "多余的一段。", method);
    const twice = chinese("twice", "## 方法", method);
    const problems = translationProblems([parameters, stray, method, cells[4]!, twice], "zh-CN");
    expect(problems).toEqual([
      { index: 1, id: "stray", reason: "orphan: no English cell before it" },
      { index: 4, id: "twice", reason: "orphan: no English cell before it" },
    ]);
  });
});

describe("the notebooks' Chinese prose", () => {
  const dir = path.resolve(__dirname, "../../notebooks");
  const notebooks = readdirSync(dir)
    .filter((name) => name.endsWith(".ipynb"))
    .map((name) => ({ name, cells: readNotebook(path.join(dir, name)).cells }));
  const headingLevels = (source: string) => [...source.matchAll(/^(#{1,6}) /gm)].map((match) => match[1]!.length);

  it("translates every English markdown cell of every notebook, and no translation is stale", () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(12);
    const problems = notebooks.flatMap(({ name, cells }) =>
      translationProblems(cells, "zh-CN").map(
        (problem) => `notebooks/${name}, cell ${problem.index + 1} (id ${problem.id}): ${problem.reason}`,
      ),
    );
    expect(problems, `translations to redo:\n${problems.join("\n")}`).toEqual([]);
  });

  it("keeps each translation's headings at its English cell's levels, so its sections and anchors match", () => {
    const differing = notebooks.flatMap(({ name, cells }) =>
      pageCells(cells, "zh-CN")
        .cells.filter(
          ({ cell, translation }) =>
            translation && headingLevels(cellSource(cell)).join() !== headingLevels(cellSource(translation)).join(),
        )
        .map(({ cell }) => `notebooks/${name}, cell ${cell.id}`),
    );
    expect(differing).toEqual([]);
  });

  it("gives each translation cell an id of its own and only its language mark", () => {
    for (const { name, cells } of notebooks) {
      expect(new Set(cells.map((cell) => cell.id)).size, name).toBe(cells.length);
      for (const cell of cells.filter((candidate) => translationMark(candidate)))
        expect(Object.keys(cell.metadata), `${name}, ${cell.id}`).toEqual(["roilab"]);
    }
  });

  it("sets Chinese text with Chinese punctuation: no ASCII comma, colon, semicolon or bracket beside a Chinese character", () => {
    const cjk = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]";
    const beside = new RegExp(`${cjk}[,;:()?!]|[,;:?!)]${cjk}|\\(${cjk}`, "u");
    const found = notebooks.flatMap(({ name, cells }) =>
      cells
        .filter((cell) => translationMark(cell))
        .flatMap((cell) =>
          cellSource(cell)
            // Code spans and link targets keep their ASCII.
            .replace(/`[^`]*`|\]\([^)]*\)/g, "")
            .split("\n")
            .filter((line) => beside.test(line))
            .map((line) => `notebooks/${name}, ${cell.id}: ${line.match(beside)?.[0]}`),
        ),
    );
    expect(found).toEqual([]);
  });
});
