#!/usr/bin/env node
// roilab's executable: wires the process (streams, signals, exit code) to the CLI.
import { main } from "./cli";
import { killAllKernels } from "./notebook/kernel";

// No kernel may outlive the runner: kill them on exit and on Ctrl-C / SIGTERM.
process.on("exit", killAllKernels);
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    killAllKernels();
    process.stderr.write(`roilab: stopped by ${signal}\n`);
    process.exit(code);
  });
}

// A reader that stops early (`roilab tables | head`) closes the pipe: that ends the command, quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

void main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stderr.isTTY ? process.stderr : undefined,
}).then((code) => {
  process.exitCode = code;
});
