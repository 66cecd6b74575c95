import { describe, expect, it } from "vitest";
import { formatCellFailure, parseCellFailure } from "../../src/notebook";

describe("cell failures from tslab's stderr", () => {
  it("locates a type error from its line:col diagnostic", () => {
    const failure = parseCellFailure(
      "2:7 - Type 'number' is not assignable to type 'string'.\n3:1 - Another.\n",
      "const a = 1;\nconst b: string = a;\nfoo;",
      3,
    );
    expect(failure).toMatchObject({
      cellNumber: 3,
      line: 2,
      column: 7,
      ename: "TypeScriptError",
      evalue: "Type 'number' is not assignable to type 'string'.",
    });
    expect(formatCellFailure("nb.ipynb", failure, "const a = 1;\nconst b: string = a;")).toBe(
      "nb.ipynb, cell 3, 2:7 - Type 'number' is not assignable to type 'string'.\n    const b: string = a;\n          ^",
    );
  });

  it("locates a runtime error from the compiled line Node quotes, undoing tslab's rewriting", () => {
    const stderr = [
      "evalmachine.<anonymous>:11",
      "const workload = { ...(0, __1.findWorkload)(data), callsPerDay };",
      "                                                   ^",
      "",
      "ReferenceError: callsPerDay is not defined",
      "    at evalmachine.<anonymous>:11:52",
    ].join("\n");
    const source = 'import { findWorkload } from "..";\n\nconst data = 1;\nconst workload = { ...findWorkload(data), callsPerDay };';
    expect(parseCellFailure(stderr, source, 4)).toMatchObject({
      line: 4,
      column: 43,
      ename: "ReferenceError",
      evalue: "callsPerDay is not defined",
    });
  });

  it("locates an error thrown inside a library at the cell's call into it", () => {
    const stderr = [
      "/project/dist/data/dataset.js:183",
      "        throw new errors_1.DataError(issues);",
      "        ^",
      "",
      "DataError: nope/models.csv:1:1 - file not found",
      "    at loadDataset (/project/dist/data/dataset.js:183:15)",
      "    at evalmachine.<anonymous>:7:42",
    ].join("\n");
    const source = 'import { loadDataset } from "..";\n\nconst d = 1;\nloadDataset("nope");';
    expect(parseCellFailure(stderr, source, 2)).toMatchObject({
      line: 4,
      column: 1,
      ename: "DataError",
      evalue: "nope/models.csv:1:1 - file not found",
    });
  });

  it("still names the cell when no line can be found", () => {
    const failure = parseCellFailure("something odd happened", "x", 5);
    expect(formatCellFailure("nb.ipynb", failure, "x")).toBe("nb.ipynb, cell 5 - Error: something odd happened");
  });
});
