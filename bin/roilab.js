#!/usr/bin/env node
"use strict";
// roilab's command line; the code lives in the compiled library (npm install builds it).
const { main } = require("../dist/cli.js");
const io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
process.exitCode = main(process.argv.slice(2), io);
