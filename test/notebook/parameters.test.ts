import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import { declaredParameters, injectParameters, parseParameterFlag, type Notebook } from "../../src/notebook";

const notebook = (): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { id: "a", cell_type: "markdown", source: "# x", metadata: {} },
    { id: "b", cell_type: "code", source: ['const calls = 1000; // per day\n', 'const model: string = "gpt-4o";\n', "let shares = [0.5, 0.5];"], metadata: { tags: ["parameters"] }, outputs: [], execution_count: null },
    { id: "c", cell_type: "code", source: "const old = 1;", metadata: { tags: ["injected-parameters"] }, outputs: [], execution_count: null },
    { id: "d", cell_type: "code", source: "console.log(calls)", metadata: {}, outputs: [], execution_count: null },
  ],
});

describe("parameters", () => {
  it("reads -p values as JSON where they parse, else as strings", () => {
    expect(parseParameterFlag("calls=2000")).toEqual(["calls", 2000]);
    expect(parseParameterFlag("on=true")).toEqual(["on", true]);
    expect(parseParameterFlag("mix=[0.2,0.8]")).toEqual(["mix", [0.2, 0.8]]);
    expect(parseParameterFlag('name="a=b"')).toEqual(["name", "a=b"]);
    expect(parseParameterFlag("model=claude-3-5-sonnet")).toEqual(["model", "claude-3-5-sonnet"]);
    expect(() => parseParameterFlag("=3")).toThrow(UsageError);
  });

  it("finds the declarations of a parameters cell with their types", () => {
    expect(declaredParameters('const calls = 1000; // per day\nconst model: string = "x";\n// note\nlet n: Record<string, number> = {};')).toEqual([
      { name: "calls", type: undefined, defaultSource: "1000" },
      { name: "model", type: "string", defaultSource: '"x"' },
      { name: "n", type: "Record<string, number>", defaultSource: "{}" },
    ]);
  });

  it("replaces an earlier injected cell with one right after the parameters cell, keeping declared types", () => {
    const { notebook: injected } = injectParameters(notebook(), { calls: 5, model: "claude" }, "x.ipynb");
    expect(injected.cells.map((cell) => cell.id).filter((id) => id !== "a" && id !== "b" && id !== "d")).toHaveLength(1);
    expect(injected.cells[2]?.metadata.tags).toEqual(["injected-parameters"]);
    expect(injected.cells[2]?.source).toEqual(["// Parameters injected by roilab run\n", "const calls = 5;\n", 'const model: string = "claude";']);
    expect(injected.cells[3]?.id).toBe("d");
    expect(injected.metadata.papermill).toEqual({ parameters: { calls: 5, model: "claude" } });
  });

  it("injects optional values only where the notebook declares them", () => {
    const { notebook: injected } = injectParameters(notebook(), {}, "x.ipynb", { dataDir: "../snapshots/2026", calls: 7 });
    expect(injected.cells[2]?.source).toEqual(["// Parameters injected by roilab run\n", "const calls = 7;"]);
  });

  it("rejects unknown names, listing the valid ones", () => {
    expect(() => injectParameters(notebook(), { callz: 1 }, "x.ipynb")).toThrow("x.ipynb: unknown parameter callz; valid parameters: calls, model, shares");
    const bare: Notebook = { ...notebook(), cells: [] };
    expect(() => injectParameters(bare, { calls: 1 }, "y.ipynb")).toThrow("y.ipynb: unknown parameter calls; it has no cell tagged parameters");
  });
});
