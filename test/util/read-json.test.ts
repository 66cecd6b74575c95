import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode, UsageError } from "../../src/errors";
import { readJsonFile, readJsonObject } from "../../src/util/read-json";
import { scratchFolders } from "../helpers/notebooks";

describe("reading a JSON file the user named", () => {
  const scratch = scratchFolders();
  const file = (text: string) => {
    const dir = scratch();
    const name = path.join(dir, "input.json");
    writeFileSync(name, text);
    return name;
  };

  it("parses it", () => {
    expect(readJsonFile(file('{"a": [1, 2]}'), "parameters file")).toEqual({ a: [1, 2] });
  });

  it("locates a syntax error by line and column, as bad input", () => {
    const name = file('{\n  "a": 1,\n  "b": oops\n}');
    expect(() => readJsonFile(name, "price map")).toThrow(UsageError);
    expect(() => readJsonFile(name, "price map")).toThrow(
      new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:8 - the price map is not valid JSON`),
    );
  });

  it("names a file it cannot read and why", () => {
    let error: unknown;
    try {
      readJsonFile("no/such/file.json", "notebook");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("no/such/file.json: cannot read the notebook (ENOENT)");
    expect((error as UsageError).exitCode).toBe(ExitCode.badInput);
  });

  it("wants an object where one is expected", () => {
    expect(readJsonObject(file('{"calls": 3}'), "parameters file")).toEqual({ calls: 3 });
    for (const text of ["[1]", "3", "null"])
      expect(() => readJsonObject(file(text), "parameters file")).toThrow("the parameters file must be a JSON object");
  });
});
