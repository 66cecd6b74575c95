import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TslabKernel } from "../../src/notebook/kernel";
import { kernelsOf, tempFolder } from "../helpers/notebooks";

const PRINT_2000_LINES = 'for (let i = 0; i < 2000; i++) console.log("line " + i);';

function streamText(messages: { header: { msg_type: string }; content: unknown }[]): string {
  return messages.filter((message) => message.header.msg_type === "stream").map((message) => (message.content as { text: string }).text).join("");
}

describe("a tslab kernel", () => {
  const kernels: TslabKernel[] = [];
  afterEach(async () => {
    await Promise.all(kernels.splice(0).map((kernel) => kernel.shutdown(0)));
  });

  it("delivers every line of a cell that prints 2,000, and its idle status", async () => {
    const kernel = await TslabKernel.start({ cwd: __dirname });
    kernels.push(kernel);
    const outcome = await kernel.execute(PRINT_2000_LINES, { timeoutMs: 60_000 });
    expect(outcome.reply.status).toBe("ok");
    expect(outcome.idleMissing).toBe(false);
    const lines = streamText(outcome.messages).trimEnd().split("\n");
    expect(lines).toHaveLength(2000);
    expect(lines.at(-1)).toBe("line 1999");
  });

  it("ends a cell a quiet spell after its reply when the idle status is lost, and says so", async () => {
    // Without roilab's preload, tslab loses output past about 500 lines, the idle status with it.
    const kernel = await TslabKernel.start({ cwd: __dirname, env: { ...process.env, ROILAB_KERNEL_PRELOAD: "off" } });
    kernels.push(kernel);
    const outcome = await kernel.execute(PRINT_2000_LINES, { timeoutMs: 60_000, idleGraceMs: 500 });
    expect(outcome.reply.status).toBe("ok");
    expect(outcome.idleMissing).toBe(true);
    expect(streamText(outcome.messages).split("\n").length).toBeLessThan(2000);
  });

  it("ends, and removes its connection folder with the key, when its runner is killed", async () => {
    const folder = tempFolder();
    try {
      // A runner that starts a kernel, prints where its connection folder is, and waits to be killed.
      const script = `const { TslabKernel } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/notebook/kernel"))});
        TslabKernel.start({ cwd: ${JSON.stringify(folder.dir)} }).then((kernel) => console.log("started " + kernel.pid));`;
      const runner = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      const kernelPid = await new Promise<number>((resolve) => runner.stdout.on("data", (chunk: Buffer) => {
        const match = /started (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      }));
      const connectionDirs = () => kernelsOf(runner.pid as number).length;
      expect(connectionDirs()).toBe(1);
      const folderPattern = new RegExp(`--config-path (\\S*roilab-kernel-${runner.pid}-\\S*)/connection.json`);
      const connectionDir = folderPattern.exec(kernelsOf(runner.pid as number)[0] ?? "")?.[1] as string;
      expect(existsSync(connectionDir)).toBe(true);
      runner.kill("SIGKILL");
      for (let waited = 0; waited < 100 && (isAlive(kernelPid) || existsSync(connectionDir)); waited++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isAlive(kernelPid)).toBe(false);
      expect(existsSync(connectionDir)).toBe(false);
    } finally {
      folder.dispose();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
