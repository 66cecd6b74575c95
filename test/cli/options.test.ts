import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import {
  COMMAND_OPTIONS,
  COMMANDS,
  isCommand,
  isoDateFlag,
  LONGEST_TIMEOUT_SECONDS,
  noPositionals,
  portFlag,
  positiveNumber,
} from "../../src/cli/options";

describe("each command's own options", () => {
  it("lists every command once, each with its own table", () => {
    expect(COMMANDS).toEqual([
      "run",
      "report",
      "preview",
      "tables",
      "decide",
      "audit",
      "diff",
      "prices",
      "validate",
      "kernel-install",
      "workload",
    ]);
    expect(isCommand("report")).toBe(true);
    expect(isCommand("toString")).toBe(false);
    expect(isCommand(undefined)).toBe(false);
  });

  it("gives only the commands that run notebooks the runner's flags", () => {
    const withJobs = COMMANDS.filter((command) => "jobs" in COMMAND_OPTIONS[command]);
    expect(withJobs).toEqual(["run", "report", "preview"]);
    expect(Object.keys(COMMAND_OPTIONS.validate)).toEqual(["data"]);
    expect(Object.keys(COMMAND_OPTIONS.diff)).toEqual(["html"]);
  });

  it("states the data folder's default once for the commands that read one, and none for run, whose notebooks name their own", () => {
    for (const command of ["tables", "audit", "prices", "validate"] as const)
      expect(COMMAND_OPTIONS[command].data).toMatchObject({ default: "data" });
    expect(COMMAND_OPTIONS.run.data).not.toHaveProperty("default");
  });

  it("reads a positive number or names the flag it came from", () => {
    expect(positiveNumber("--timeout", "2.5", false)).toBe(2.5);
    expect(positiveNumber("--jobs", "3", true)).toBe(3);
    expect(() => positiveNumber("--jobs", "1.5", true)).toThrow(new UsageError('--jobs must be a positive whole number, got "1.5"'));
    for (const text of ["0", "-1", "abc", "", "Infinity"]) expect(() => positiveNumber("--timeout", text, false)).toThrow(UsageError);
  });

  it("refuses arguments where a command takes none", () => {
    expect(() => noPositionals("tables", [])).not.toThrow();
    expect(() => noPositionals("tables", ["extra"])).toThrow('tables takes no arguments, got "extra"');
  });

  it("reads a date only as a day the calendar has, from 1900 on", () => {
    expect(isoDateFlag("--as-of", "2024-02-29")).toBe("2024-02-29");
    for (const text of ["0000-01-01", "1899-12-31", "2025-02-30", "2025-13-01", "2025-1-1"]) {
      expect(() => isoDateFlag("--as-of", text)).toThrow(
        new UsageError(`--as-of must be a date as YYYY-MM-DD, a day the calendar has from 1900 on, got ${JSON.stringify(text)}`),
      );
    }
  });

  it("refuses a --timeout longer than a timer can wait, and a port no TCP port has", () => {
    expect(LONGEST_TIMEOUT_SECONDS).toBe(2147483);
    expect(() => positiveNumber("--timeout", "2200000", false, LONGEST_TIMEOUT_SECONDS)).toThrow(
      new UsageError('--timeout must be a positive number of at most 2147483, got "2200000"'),
    );
    expect(positiveNumber("--timeout", "2147483", false, LONGEST_TIMEOUT_SECONDS)).toBe(2147483);
    expect([portFlag("0"), portFlag("4200"), portFlag("65535")]).toEqual([0, 4200, 65535]);
    for (const port of ["70000", "-1", "80.5"]) expect(() => portFlag(port)).toThrow(UsageError);
  });
});
