/**
 * The executable as a user runs it, a process of its own: output, exit codes and a run that reaches a kernel. The
 * CLI's other cases call its `main` in-process (test/cli/index.test.ts).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ROOT, roilab, roilabSync } from "./helpers/cli";
import { tempFolder } from "./helpers/notebooks";

describe("the roilab executable", () => {
  it("prints the chapter's tables and exits 0", () => {
    const { code, stdout, stderr } = roilabSync(["tables"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Pure cloud $6,975.00/month, hybrid $3,138.75/month, saving $3,836.25 (55.0%)");
  });

  it("prints its version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(roilabSync(["--version"])).toMatchObject({ code: 0, stdout: `roilab ${version}\n`, stderr: "" });
  });

  it("exits 2 with the error and a pointer to --help on stderr for an unknown command, 1 for audit --strict's flags", () => {
    const unknown = roilabSync(["publish"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain('unknown command "publish"');
    expect(unknown.stderr).toContain("Run roilab --help for usage.");
    expect(roilabSync(["audit", "--strict"]).code).toBe(1);
  });

  it("names an id the data does not have, given as a parameter, from the kernel's cell, with exit 2", async () => {
    const out = tempFolder();
    try {
      const result = await roilab(["run", "notebooks/59.8-sensitivity.ipynb", "-p", "apiModelId=gpt-9", "--out", out.dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /59\.8-sensitivity\.ipynb, cell \d+, \d+:\d+ - InputError: unknown model_id "gpt-9"; known: .*claude-3-5-sonnet/,
      );
    } finally {
      out.dispose();
    }
  });
});
