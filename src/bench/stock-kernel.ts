/**
 * The anchor the benchmarks compare against: Jupyter's own client running stock tslab, as a user without
 * roilab has it. `tslab install` writes the kernelspec into a private Jupyter path, so whatever kernel this
 * machine has registered (roilab's own, with its preload, or none) plays no part in the comparison.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { tslabBinary } from "../notebook/kernel";

export interface StockKernel {
  /** The environment under which `jupyter-nbconvert` finds stock tslab as its `tslab` kernel. */
  env: NodeJS.ProcessEnv;
  /** The kernelspec's command line, for the bench's header. */
  argv: string[];
  remove(): void;
}

/** What tslab's installer writes (python/install.py), for a Python without IPython, which that installer needs. */
function stockSpec(binary: string) {
  return { argv: [binary, "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" };
}

export function installStockKernel(): StockKernel {
  const prefix = mkdtempSync(path.join(tmpdir(), "roilab-stock-tslab-"));
  const data = path.join(prefix, "share", "jupyter");
  const specFile = path.join(data, "kernels", "tslab", "kernel.json");
  const installed = spawnSync(process.execPath, [tslabBinary(), "install", "--prefix", prefix, "--binary", tslabBinary()], {
    encoding: "utf8",
  });
  if (installed.status !== 0) {
    mkdirSync(path.dirname(specFile), { recursive: true });
    writeFileSync(specFile, JSON.stringify(stockSpec(tslabBinary())));
  }
  const argv = (JSON.parse(readFileSync(specFile, "utf8")) as { argv: string[] }).argv;
  // tslab's binary starts with `#!/usr/bin/env node`: the Node.js first on PATH runs it, as for any user.
  const env = { ...process.env, JUPYTER_PATH: [data, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter) };
  return { env, argv, remove: () => rmSync(prefix, { recursive: true, force: true }) };
}
