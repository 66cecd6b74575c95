import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { UsageError } from "../../src/errors";
import { declaredParameters, injectParameters, parseParameterFlag, type Notebook } from "../../src/notebook";
import { prepareNotebook } from "../../src/notebook/execute";
import { prepareRun, type RunOptions } from "../../src/notebook/run";
import { editionParameters } from "../../src/data/edition-parameters";
import { dataFolderParameters } from "../../src/cli/data-folders";

const notebook = (): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { id: "a", cell_type: "markdown", source: "# x", metadata: {} },
    {
      id: "b",
      cell_type: "code",
      source: ["const calls = 1000; // per day\n", 'const model: string = "gpt-4o";\n', "let shares = [0.5, 0.5];"],
      metadata: { tags: ["parameters"] },
      outputs: [],
      execution_count: null,
    },
    {
      id: "c",
      cell_type: "code",
      source: "const old = 1;",
      metadata: { tags: ["injected-parameters"] },
      outputs: [],
      execution_count: null,
    },
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
    expect(
      declaredParameters('const calls = 1000; // per day\nconst model: string = "x";\n// note\nlet n: Record<string, number> = {};'),
    ).toEqual([
      { name: "calls", type: undefined, defaultSource: "1000" },
      { name: "model", type: "string", defaultSource: '"x"' },
      { name: "n", type: "Record<string, number>", defaultSource: "{}" },
    ]);
  });

  it("replaces an earlier injected cell with one right after the parameters cell, keeping declared types", () => {
    const { notebook: injected } = injectParameters(notebook(), { calls: 5, model: "claude" }, "x.ipynb");
    expect(injected.cells.map((cell) => cell.id).filter((id) => id !== "a" && id !== "b" && id !== "d")).toHaveLength(1);
    expect(injected.cells[2]?.metadata.tags).toEqual(["injected-parameters"]);
    expect(injected.cells[2]?.source).toEqual([
      "// Parameters injected by roilab run\n",
      "const calls = 5;\n",
      'const model: string = "claude";',
    ]);
    expect(injected.cells[3]?.id).toBe("d");
    expect(injected.metadata.papermill).toEqual({ parameters: { calls: 5, model: "claude" } });
  });

  it("injects optional values only where the notebook declares them", () => {
    const { notebook: injected } = injectParameters(notebook(), {}, "x.ipynb", { dataDir: "../snapshots/2026", calls: 7 });
    expect(injected.cells[2]?.source).toEqual(["// Parameters injected by roilab run\n", "const calls = 7;"]);
  });

  it("rejects a -p value of another kind than the default, naming the flag", () => {
    expect(() => injectParameters(notebook(), { calls: "many" }, "x.ipynb")).toThrow(
      new UsageError('-p calls: calls must be a number, as its default 1000 in x.ipynb is, got "many"'),
    );
    expect(() => injectParameters(notebook(), { shares: 0.5 }, "x.ipynb")).toThrow(/shares must be a list/);
    expect(injectParameters(notebook(), { calls: 5, shares: [1] }, "x.ipynb").notebook.cells).toHaveLength(4);
  });

  it("rejects unknown names, listing the valid ones", () => {
    expect(() => injectParameters(notebook(), { callz: 1 }, "x.ipynb")).toThrow(
      "x.ipynb: unknown parameter callz; valid parameters: calls, model, shares",
    );
    const bare: Notebook = { ...notebook(), cells: [] };
    expect(() => injectParameters(bare, { calls: 1 }, "y.ipynb")).toThrow(
      "y.ipynb: unknown parameter calls; it has no cell tagged parameters",
    );
  });
});

describe("a data folder's own parameters (parameters.json)", () => {
  const folderWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "roilab-edition-"));
    mkdirSync(path.join(dir, "notebooks"));
    mkdirSync(path.join(dir, "edition"));
    writeFileSync(
      path.join(dir, "notebooks", "x.ipynb"),
      JSON.stringify({
        ...notebook(),
        cells: [{ ...notebook().cells[1], source: 'const dataDir = "../data";\nconst model: string = "gpt-4o";\nconst calls = 1000;' }],
      }),
    );
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "edition", name), text);
    return dir;
  };

  it("reach every notebook that declares them when --data names the folder; -p still wins", () => {
    const dir = folderWith({ "parameters.json": JSON.stringify({ model: "gpt-5.1", unrelated: 3 }) });
    try {
      const prepared = prepareNotebook(
        path.join(dir, "notebooks", "x.ipynb"),
        { calls: 5 },
        path.join(dir, "edition"),
        {},
        dataFolderParameters,
      );
      expect(prepared.parameters).toEqual({ model: "gpt-5.1", dataDir: "../edition", calls: 5 });
      expect(
        prepareNotebook(path.join(dir, "notebooks", "x.ipynb"), { model: "mine" }, path.join(dir, "edition"), {}, dataFolderParameters)
          .parameters.model,
      ).toBe("mine");
      expect(editionParameters(path.join(dir, "notebooks"))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are the caller's to read: without its reader the runner gives a folder none", () => {
    const dir = folderWith({ "parameters.json": JSON.stringify({ model: "gpt-5.1" }) });
    try {
      expect(prepareNotebook(path.join(dir, "notebooks", "x.ipynb"), {}, path.join(dir, "edition")).parameters).toEqual({
        dataDir: "../edition",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a name no notebook beside the ones run declares is bad input naming parameters.json and the name meant", () => {
    const dir = folderWith({ "parameters.json": JSON.stringify({ Model: "gpt-5.1" }) });
    try {
      const options = {
        paths: [path.join(dir, "notebooks", "x.ipynb")],
        outDir: path.join(dir, "out"),
        parameters: {},
        dataDir: path.join(dir, "edition"),
        dataFolderParameters,
      } as unknown as RunOptions;
      expect(() => prepareRun(options)).toThrow(UsageError);
      expect(() => prepareRun(options)).toThrow(
        /edition\/parameters\.json: no notebook declares Model \(did you mean model\?\); the notebooks declare calls, dataDir, model$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a name the caller reads itself (a page's language) needs no notebook to declare it", () => {
    const dir = folderWith({ "parameters.json": JSON.stringify({ lang: "zh-CN" }) });
    try {
      const options = (settings?: string[]) =>
        ({
          paths: [path.join(dir, "notebooks", "x.ipynb")],
          outDir: path.join(dir, "out"),
          parameters: {},
          dataDir: path.join(dir, "edition"),
          dataFolderParameters: (folder: string) => ({ ...dataFolderParameters(folder), settings }),
        }) as unknown as RunOptions;
      expect(() => prepareRun(options())).toThrow(/no notebook declares lang/);
      expect(() => prepareRun(options(["lang"]))).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a value of another kind than the notebook's default is bad input naming parameters.json, before any kernel starts", () => {
    const dir = folderWith({ "parameters.json": JSON.stringify({ model: ["gpt-5.1"] }) });
    try {
      expect(() =>
        prepareNotebook(path.join(dir, "notebooks", "x.ipynb"), {}, path.join(dir, "edition"), {}, dataFolderParameters),
      ).toThrow(/edition\/parameters\.json: model must be text, as its default "gpt-4o" in .*x\.ipynb is, got \["gpt-5\.1"\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a malformed parameters.json is bad input naming the file, line and column", () => {
    const dir = folderWith({ "parameters.json": '{ "model": gpt }' });
    try {
      expect(() => editionParameters(path.join(dir, "edition"))).toThrow(
        /parameters\.json:1:12 - the data folder's parameters file is not valid JSON/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a notebook's data folders", () => {
  it("are every parameter named dataDir or ending in DataDir, dataDir first, as the run will see them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roilab-folders-"));
    try {
      mkdirSync(path.join(dir, "notebooks"));
      const file = path.join(dir, "notebooks", "then.ipynb");
      writeFileSync(
        file,
        JSON.stringify({
          ...notebook(),
          cells: [{ ...notebook().cells[1], source: 'const dataDir = "../now";\nconst thenDataDir = "../then";\nconst title = "x";' }],
        }),
      );
      expect(prepareNotebook(file, {}, undefined).dataDirs).toEqual([path.join(dir, "now"), path.join(dir, "then")]);
      expect(prepareNotebook(file, { thenDataDir: "../older" }, path.join(dir, "later")).dataDirs).toEqual([
        path.join(dir, "later"),
        path.join(dir, "older"),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
