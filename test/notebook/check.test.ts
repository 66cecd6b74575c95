/**
 * The runner's type check against tslab's own: for each notebook, tslab's converter (the one its kernel runs)
 * converts the cells one after another, carrying the declarations of each cell that passed to the next, and its
 * diagnostics, printed as its kernel prints them, must be the check's, cell for cell.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import { checkNotebooks, checkKey, type CellDiagnostics } from "../../src/notebook/check";
import { tempFolder } from "../helpers/notebooks";

type Converter = {
  convert(
    prevDecl: string,
    src: string,
  ): { diagnostics: { start: { line: number; character: number }; messageText: string; fileName?: string }[]; declOutput?: string };
  close(): void;
};
// Tslab's converter module, the oracle
const { createConverter } = require("tslab/dist/converter") as { createConverter(options?: object): Converter };

const folder = tempFolder("roilab-check-");
afterAll(() => folder.dispose());
let converter: Converter | undefined;
afterAll(() => converter?.close());

/** What tslab's kernel prints for each cell, cell after cell, as check.ts says it. */
function tslabDiagnostics(cells: readonly string[]): CellDiagnostics {
  converter ??= createConverter();
  let prevDecl = "";
  return cells.map((cell) => {
    const converted = converter!.convert(prevDecl, cell);
    if (converted.diagnostics.length === 0) {
      prevDecl = converted.declOutput ?? "";
      return null;
    }
    return converted.diagnostics
      .map((d) => `${d.fileName ? `${d.fileName} ` : ""}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`)
      .join("\n");
  });
}

const notebook = (name: string, cells: string[]) => ({ file: path.join(folder.dir, `${name}.ipynb`), cells });

const NOTEBOOKS = [
  notebook("clean", [
    "const rate = 0.12;\nlet calls = 1000;\nfunction monthly(days: number): number { return rate * calls * days; }",
    "interface Plan { id: string; days: number }\nclass Server { constructor(readonly gpus: number) {} }\nenum Tier { Low, High }",
    "calls = 2000;\nconst plan: Plan = { id: 'a', days: 30 };\nconst { id, days: planDays } = plan;\nconst [first, , third] = [1, 2, 3];\nmonthly(planDays) + first + third;",
    "const rate = 0.5;\nconst total: number = await Promise.resolve(monthly(30) + new Server(4).gpus + Tier.High);\ntotal",
    "",
    "id.toUpperCase()",
    // tslab itself, importable from any folder a notebook is in.
    'import * as tslab from "tslab";\ntslab.display.text(id);',
  ]),
  notebook("type-errors", [
    "const calls: number = 1000;",
    "const label: string = calls;\nconst later = 1;",
    "later + 1;\nconst ok = calls + 1;",
    "const plan: { id: string; days: number } = { id: 'x' };",
    "calls = 5;",
    "function f() {}\nclass C {}\nenum E { A }",
    "f = () => undefined;\nC = class {};\nE = {} as never;",
    "const cut = ok.toFixed(",
    "function g() { await Promise.resolve(1); }",
  ]),
];

describe("the runner's type check", () => {
  it("says for every cell exactly what tslab's own kernel says, no more and no less", () => {
    const checked = checkNotebooks(NOTEBOOKS);
    NOTEBOOKS.forEach((item, index) => {
      expect(checked[index], item.file).toEqual(tslabDiagnostics(item.cells));
    });
    // The cases are real: the clean notebook passes, each faulty cell fails.
    expect(checked[0]!.every((text) => text === null)).toBe(true);
    expect(checked[1]!.map((text) => text !== null)).toEqual([false, true, true, true, true, false, true, true, true]);
    expect(checked[1]![1]).toBe("1:7 - Type 'number' is not assignable to type 'string'.");
    // An earlier cell's `let` may be assigned; a cell that failed declares nothing for the next.
    expect(checked[1]![2]).toBe("1:1 - Cannot find name 'later'.");
  }, 60_000);

  it("keys a notebook by its code, not by its data: another cell or folder is another check", () => {
    const [clean] = NOTEBOOKS;
    const key = checkKey(clean!, "library-a");
    expect(checkKey({ ...clean! }, "library-a")).toBe(key);
    expect(checkKey({ ...clean!, cells: [...clean!.cells, "1"] }, "library-a")).not.toBe(key);
    expect(checkKey(clean!, "library-b")).not.toBe(key);
    expect(checkKey({ ...clean!, file: path.join(folder.dir, "elsewhere", "clean.ipynb") }, "library-a")).not.toBe(key);
  });
});
