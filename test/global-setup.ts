import { execFileSync } from "node:child_process";
import * as path from "node:path";

/** Tests that run the CLI or `require(".")` use the compiled library: build it once, fresh, before any test. */
export default function setup(): void {
  const root = path.resolve(__dirname, "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
}
