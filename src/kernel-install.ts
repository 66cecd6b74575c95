import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { RoilabError } from "./errors";
import { PROJECT_ROOT } from "./notebook/cache";

/** Registers this project's tslab as the `tslab` (TypeScript) Jupyter kernel, for JupyterLab, Notebook and VS Code. */

const PYTHON_CANDIDATES = ["python3", "/usr/bin/python3", "python"];

/** The first Python that has jupyter_client, which the kernelspec installer needs. */
export function findJupyterPython(candidates: readonly string[] = PYTHON_CANDIDATES): string | undefined {
  return candidates.find((python) => spawnSync(python, ["-c", "import jupyter_client"], { stdio: "ignore" }).status === 0);
}

export interface KernelInstallOptions {
  python?: string;
  /** Install for the current user only. */
  user?: boolean;
  /** Install under PREFIX/share/jupyter/kernels. */
  prefix?: string;
}

export function installKernel(options: KernelInstallOptions, write: (text: string) => void): void {
  const python = options.python ?? findJupyterPython();
  if (!python) {
    throw new RoilabError("no Python with Jupyter found; install Jupyter (for example the Debian packages jupyter-nbconvert and python3-nbclient) or pass --python");
  }
  const binary = path.join(PROJECT_ROOT, "node_modules", ".bin", "tslab");
  const args = [path.join(PROJECT_ROOT, "node_modules", "tslab", "bin", "tslab"), "install", `--python=${python}`, `--binary=${binary}`];
  if (options.user) args.push("--user");
  if (options.prefix) args.push(`--prefix=${options.prefix}`);
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  write(result.stdout + result.stderr);
  if (result.status !== 0) throw new RoilabError(`registering the tslab kernel failed (exit code ${result.status})`);
}
