/** Runs the compiled roilab CLI (dist/bin.js) as a separate process, as a user would: `roilab` without blocking, `roilabSync` blocking. */
import { spawn, spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

const BIN = path.join(ROOT, "dist/bin.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  pid: number;
}

export interface CliOptions {
  /** Default: the project root. */
  cwd?: string;
  /** Called with the process id as soon as the process is started. */
  onSpawn?: (pid: number) => void;
  /** Called with each piece of standard output as it arrives. */
  onStdout?: (text: string) => void;
  /** Variables set for this process, over the test's own environment. */
  env?: NodeJS.ProcessEnv;
}

export function roilab(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      options.onStdout?.(chunk.toString());
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    options.onSpawn?.(child.pid as number);
    child.on("close", (code) => resolve({ code, stdout, stderr, pid: child.pid as number }));
  });
}

export function roilabSync(args: readonly string[], options: Pick<CliOptions, "cwd"> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, pid: result.pid };
}
