import { parseArgs } from "node:util";
import { loadDataset, TABLE_SPECS } from "./data";
import { ExitCode, RoilabError, UsageError } from "./errors";
import { chapterTextReport } from "./report";

/** roilab's command line: parses arguments and calls the library. Output goes through `io` so tests can record it. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: roilab <command> [options]

Commands:
  report     Print the chapter's key tables computed from the data folder
  validate   Check every CSV in the data folder and report each problem as file:line:column

Options:
  --data DIR   Data folder (default: data)
  --debug      Show stack traces for errors
  -h, --help   Show this help
  --version    Show roilab's version

Exit codes: 0 success, 1 a check or notebook failed, 2 bad input or usage.
`;

interface Parsed {
  command: string | undefined;
  dataDir: string;
  debug: boolean;
  help: boolean;
  version: boolean;
}

function parse(argv: readonly string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: "string", default: "data" },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
    });
    if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`);
    return { command: positionals[0], dataDir: values.data, debug: values.debug, help: values.help, version: values.version };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../package.json") as { version: string }).version;
}

/** Runs one roilab command and returns its exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  const debug = argv.includes("--debug");
  try {
    const args = parse(argv);
    if (args.version) {
      io.stdout(`roilab ${version()}\n`);
      return ExitCode.ok;
    }
    if (args.help || args.command === undefined) {
      io.stdout(USAGE);
      return args.help ? ExitCode.ok : ExitCode.badInput;
    }
    switch (args.command) {
      case "report":
        io.stdout(chapterTextReport(loadDataset(args.dataDir)));
        return ExitCode.ok;
      case "validate": {
        const data = loadDataset(args.dataDir);
        const rows = Object.values(data).filter(Array.isArray).reduce((sum: number, table: unknown[]) => sum + table.length, 0);
        io.stdout(`${args.dataDir}: ${TABLE_SPECS.length} files, ${rows} rows, no problems\n`);
        return ExitCode.ok;
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(args.command)}; expected report or validate`);
    }
  } catch (error) {
    if (error instanceof RoilabError) {
      io.stderr(`${debug && error.stack ? error.stack : error.message}\n`);
      if (error instanceof UsageError) io.stderr("Run roilab --help for usage.\n");
      return error.exitCode;
    }
    io.stderr(`${debug && error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    return ExitCode.failed;
  }
}
