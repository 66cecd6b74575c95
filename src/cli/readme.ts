#!/usr/bin/env node
/**
 * npm run readme: rewrites the README's command line options (between `<!-- options:start -->` and
 * `<!-- options:end -->`) from the command tables in options.ts. With `--check` it writes nothing and exits 1
 * when the README differs from them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";
import { withOptionsMarkdown } from "./help";

const README = path.join(PROJECT_ROOT, "README.md");

if (require.main === module) {
  const current = readFileSync(README, "utf8");
  const made = withOptionsMarkdown(current);
  if (process.argv.includes("--check")) {
    if (made !== current) {
      process.stderr.write("README.md's command line options differ from src/cli/options.ts: run npm run readme\n");
      process.exitCode = 1;
    }
  } else if (made !== current) {
    writeFileSync(README, made);
    process.stdout.write("rewrote README.md's command line options\n");
  } else process.stdout.write("README.md's command line options are up to date\n");
}
