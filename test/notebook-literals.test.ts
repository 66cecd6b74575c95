/** No notebook states a verdict, a tier or a compliance value by hand: each is computed from the data. */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const FOLDER = path.join(__dirname, "..", "notebooks");

/** A field named like a verdict given a literal string, or a literal yes/no compared with. */
const LITERALS = [/\b(compliant|compliance|tier|verdict|quality|winner|decision)\s*:\s*["'`]/i, /[=!]==?\s*["'`](yes|no)["'`]/i];

function literalVerdicts(source: string): string[] {
  return source.split("\n").filter((line) => LITERALS.some((pattern) => pattern.test(line)));
}

describe("notebook cells", () => {
  it("are caught when they type a verdict in", () => {
    expect(literalVerdicts('const row = { way: "Rent", compliant: "yes" };')).toHaveLength(1);
    expect(literalVerdicts("rows.filter((row) => row.ok === 'yes')")).toHaveLength(1);
    expect(literalVerdicts('{ tier: "frontier" }')).toHaveLength(1);
    expect(literalVerdicts("{ compliance: regionCompliance(region, allowed) }")).toEqual([]);
  });

  it("state no verdict, tier or compliance value by hand", () => {
    const found = readdirSync(FOLDER)
      .filter((name) => name.endsWith(".ipynb"))
      .flatMap((name) => {
        const notebook = JSON.parse(readFileSync(path.join(FOLDER, name), "utf8")) as {
          cells: { cell_type: string; source: string | string[] }[];
        };
        return notebook.cells.flatMap((cell, index) =>
          cell.cell_type === "code"
            ? literalVerdicts([cell.source].flat().join("")).map((line) => `${name} cell ${index + 1}: ${line.trim()}`)
            : [],
        );
      });
    expect(found).toEqual([]);
  });
});
