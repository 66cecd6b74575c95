/**
 * Where tslab is installed, and the modules found from there: the very instances tslab loads (its TypeScript,
 * its zeromq, its executor), which the runner's check and the kernel preload must use rather than their own.
 */
import * as path from "node:path";

export function tslabDir(): string {
  return path.dirname(require.resolve("tslab/package.json"));
}

/** The file `name` (a package, or a path inside tslab such as `./dist/executor.js`) resolves to from tslab's folder. */
export function resolveFromTslab(name: string): string {
  return require.resolve(name, { paths: [tslabDir()] });
}
