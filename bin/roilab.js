#!/usr/bin/env node
"use strict";
// roilab's command line; the code lives in the compiled library (npm install builds it).
const { main } = require("../dist/cli.js");
const { killAllKernels } = require("../dist/notebook/kernel.js");

// No kernel may outlive the runner: kill them on exit and on Ctrl-C / SIGTERM.
process.on("exit", killAllKernels);
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.once(signal, () => {
    killAllKernels();
    process.stderr.write(`roilab: stopped by ${signal}\n`);
    process.exit(code);
  });
}

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stderr.isTTY ? process.stderr : undefined,
};
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
