/**
 * Registers this project's tslab as the `tslab` (TypeScript) Jupyter kernel, for JupyterLab, Notebook and
 * VS Code. The kernelspec is written directly (tslab's own installer needs IPython, which a plain Jupyter
 * install may lack) and starts this project's tslab with the Node.js that ran the command.
 */
import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
import { writeFileAtomic } from "../util/atomic-write";
import { kernelCommand } from "./kernel";

export interface KernelInstallOptions {
  /** Install under PREFIX/share/jupyter/kernels instead of the user's Jupyter data folder. */
  prefix?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Jupyter's per-user data folder, as Jupyter itself finds it. */
export function jupyterDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return path.join(homedir(), "Library", "Jupyter");
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(homedir(), "AppData", "Roaming"), "jupyter");
  return path.join(env.XDG_DATA_HOME ?? path.join(homedir(), ".local", "share"), "jupyter");
}

export function kernelSpec() {
  return {
    argv: kernelCommand("{connection_file}"),
    display_name: "TypeScript",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { roilab: true },
  };
}

/** Writes `kernels/tslab/kernel.json` and returns its path. */
export function installKernel(options: KernelInstallOptions = {}): string {
  const base = options.prefix ? path.join(options.prefix, "share", "jupyter") : jupyterDataDir(options.env, options.platform);
  const folder = path.join(base, "kernels", "tslab");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "kernel.json");
  writeFileAtomic(file, `${JSON.stringify(kernelSpec(), null, 1)}\n`);
  return file;
}
