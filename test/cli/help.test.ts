import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { commandHelp, optionsMarkdown, overviewHelp, usageLines, withOptionsMarkdown } from "../../src/cli/help";
import { COMMAND_OPTIONS, COMMAND_SPECS, COMMANDS, GLOBAL_OPTIONS, type OptionSpec } from "../../src/cli/options";
import { roilabMain } from "../helpers/cli-main";

const README = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

/** The default as help prints it: what the README shows, without its backticks. */
const defaultText = (option: OptionSpec) =>
  (option.shownDefault ?? (typeof option.default === "string" ? option.default : undefined))?.replace(/`/g, "");
/** Help's text with its wrapping undone, so that a phrase split over two lines is found. */
const unwrapped = (text: string) => text.replace(/\s+/g, " ");

describe("each command's options, described once", () => {
  it("gives the parser only what it reads of each option, with the defaults the tables state", () => {
    for (const command of COMMANDS) {
      const specs: Record<string, OptionSpec> = COMMAND_SPECS[command].options;
      expect(Object.keys(COMMAND_OPTIONS[command])).toEqual(Object.keys(specs));
      for (const [name, parsed] of Object.entries(COMMAND_OPTIONS[command])) {
        const { type, short, multiple, default: value } = specs[name]!;
        expect(parsed, `${command} --${name}`).toEqual({
          type,
          ...(short ? { short } : {}),
          ...(multiple ? { multiple } : {}),
          ...(value === undefined ? {} : { default: value }),
        });
      }
    }
  });

  it("lists every command, and every option of each with its default, in roilab --help", () => {
    const help = unwrapped(overviewHelp());
    for (const command of COMMANDS) {
      for (const form of COMMAND_SPECS[command].forms)
        expect(help).toContain(`${command}${"arguments" in form ? ` ${form.arguments}` : ""} `);
      for (const [name, option] of Object.entries(COMMAND_SPECS[command].options as Record<string, OptionSpec>)) {
        expect(help, `${command} --${name}`).toContain(`--${name}`);
        const shown = defaultText(option);
        if (shown !== undefined) expect(help, `${command} --${name}`).toContain(shown);
      }
    }
    for (const name of Object.keys(GLOBAL_OPTIONS)) expect(help).toContain(`--${name}`);
    expect(help).toContain("Exit codes: 0 success, 1 a notebook or check failed, 2 bad input or usage, 130/143 stopped by Ctrl-C/SIGTERM.");
  });

  it("prints a command's own options in full, details included, for roilab <command> --help", async () => {
    for (const command of COMMANDS) {
      const help = unwrapped(commandHelp(command));
      expect(help).toMatch(new RegExp(`^Usage: roilab ${command}\\b`));
      for (const [name, option] of Object.entries(COMMAND_SPECS[command].options as Record<string, OptionSpec>)) {
        expect(help, `${command} --${name}`).toContain(`--${name}`);
        if (option.details)
          expect(help, `${command} --${name}`).toContain(
            option.details.replace(/`/g, "").replace(/\[([^\]]+)\]\(#[^)]+\)/g, '"$1" in the README'),
          );
      }
    }
    expect(await roilabMain(["report", "--help"])).toEqual({ code: 0, stdout: commandHelp("report"), stderr: "" });
    expect(await roilabMain(["prices", "-h"])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Usage: roilab prices update [options]\n       roilab prices import FILE.json [options]\n"),
    });
    expect(await roilabMain(["--help"])).toEqual({ code: 0, stdout: overviewHelp(), stderr: "" });
  });

  it("keeps no line of help wider than 110 columns, a run of flags wrapped between flags", () => {
    const lines = [overviewHelp(), ...COMMANDS.map(commandHelp)].flatMap((text) => text.split("\n"));
    expect(lines.filter((line) => line.length > 110)).toEqual([]);
    expect(overviewHelp()).toContain(
      "  As for run: --data DIR, --currency CODE, -p NAME=VALUE, --params FILE, --timeout SECONDS,\n    --max-output-mb MB, --jobs N\n",
    );
  });

  it("writes the README's command line options from the same tables: npm run readme makes them anew", () => {
    expect(README).toContain("<!-- options:start -->");
    // Fails when an option changed without the README: run `npm run readme`.
    expect(withOptionsMarkdown(README)).toBe(README);
    expect(optionsMarkdown()).toContain("| `report [NOTEBOOK\\|FOLDER...]` |");
    expect(optionsMarkdown()).toContain(
      "| `--timeout SECONDS` | time limit per cell: the kernel is interrupted, then stopped, and the cell named. At most 2147483 (24.8 days, the longest a timer waits) | `300` |",
    );
    expect(() => withOptionsMarkdown("# roilab\n")).toThrow("README.md lacks <!-- options:start -->");
  });
});

describe("a usage error", () => {
  it("names the command's forms as its declaration writes them, the verb's alone when one was given", () => {
    expect(usageLines("prices", "import")).toBe(
      "usage: roilab prices import FILE.json [options]\n(roilab prices --help lists the options)",
    );
    expect(usageLines("prices").split("\n").slice(0, 2)).toEqual([
      "usage: roilab prices update [options]",
      "       roilab prices import FILE.json [options]",
    ]);
  });

  it("reaches the user: prices with no verb exits 2 with both forms", async () => {
    const result = await roilabMain(["prices"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("roilab prices import FILE.json [options]");
  });
});
