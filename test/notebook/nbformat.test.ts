import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import { readNotebook, serializeNotebook } from "../../src/notebook/nbformat";
import { scratchFolders } from "../helpers/notebooks";

describe("reading a notebook", () => {
  const scratch = scratchFolders();
  const file = (notebook: unknown) => {
    const dir = scratch();
    const name = path.join(dir, "x.ipynb");
    writeFileSync(name, typeof notebook === "string" ? notebook : JSON.stringify(notebook));
    return name;
  };
  const cells = (...list: unknown[]) => ({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: list });

  it("gives every cell an id and metadata (nbformat 4.5) and writes it back as Jupyter does", () => {
    const notebook = readNotebook(file(cells({ cell_type: "code", source: ["1 +", " 1"], outputs: [], execution_count: null })));
    expect(notebook.nbformat_minor).toBe(5);
    expect(notebook.cells[0]).toMatchObject({ metadata: {}, id: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(serializeNotebook(notebook).endsWith("}\n")).toBe(true);
  });

  it("refuses a cell that is not an object, has no source or no known type, naming the file and cell (exit 2)", () => {
    const code = { cell_type: "code", source: "1", outputs: [], execution_count: null };
    const name = file(cells(code, "oops"));
    expect(() => readNotebook(name)).toThrow(UsageError);
    expect(() => readNotebook(name)).toThrow(`${name}, cell 2: a cell must be an object, got "oops"`);
    expect(() => readNotebook(file(cells({ cell_type: "code", outputs: [] })))).toThrow(
      /, cell 1: source must be text or a list of lines, got nothing$/,
    );
    expect(() => readNotebook(file(cells(code, code, { cell_type: "widget", source: "" })))).toThrow(
      /, cell 3: cell_type must be code, markdown or raw, got "widget"$/,
    );
  });

  it("refuses what is not nbformat 4", () => {
    expect(() => readNotebook(file({ nbformat: 3, worksheets: [] }))).toThrow(/not an nbformat 4 notebook$/);
    expect(() => readNotebook(file('{"nbformat": 4, "cells": [}'))).toThrow(/x\.ipynb:1:27 - the notebook is not valid JSON/);
  });
});
