/** Runs one roilab command in this process through the CLI's `main`, recording what it prints and its exit code. */
import { main } from "../../src/cli";

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** As `roilab` would run it, without a process of its own: for commands that start no kernel and no browser. */
export async function roilabMain(args: readonly string[]): Promise<MainResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
