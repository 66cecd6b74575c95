import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TslabKernel } from "../../src/notebook/kernel";
import { kernelsOf, tempFolder } from "../helpers/notebooks";
import { isAlive, until } from "../helpers/processes";

const PRINT_2000_LINES = 'for (let i = 0; i < 2000; i++) console.log("line " + i);';

function streamText(messages: { header: { msg_type: string }; content: unknown }[]): string {
  return messages
    .filter((message) => message.header.msg_type === "stream")
    .map((message) => (message.content as { text: string }).text)
    .join("");
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

  it("ends every process a cell started, plain, detached or sharing its output, when it shuts down", async () => {
    const kernel = await TslabKernel.start({ cwd: __dirname });
    kernels.push(kernel);
    const outcome = await kernel.execute(SPAWN_THREE_SLEEPS, { timeoutMs: 60_000 });
    expect(outcome.reply.status).toBe("ok");
    const pids = startedPids(streamText(outcome.messages));
    expect(pids.filter(isAlive)).toHaveLength(3);
    await kernel.shutdown();
    await until(() => pids.every((pid) => !isAlive(pid)));
  });

  it("lets its runner end although a process the cell started still holds the kernel's output", async () => {
    // A runner that runs one such cell and shuts the kernel down; with the child left, its pipe kept the runner alive.
    const script = `const { TslabKernel } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/notebook/kernel"))});
      TslabKernel.start({ cwd: ${JSON.stringify(__dirname)} }).then(async (kernel) => {
        await kernel.execute(${JSON.stringify(SPAWN_THREE_SLEEPS)}, { timeoutMs: 60000, onMessage: (m) => m.header.msg_type === "stream" && process.stdout.write(m.content.text) });
        await kernel.shutdown();
      });`;
    const runner = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let printed = "";
    runner.stdout.on("data", (chunk: Buffer) => (printed += chunk));
    const code = await new Promise((resolve) => runner.on("close", resolve));
    expect(code).toBe(0);
    const pids = startedPids(printed);
    expect(pids).toHaveLength(3);
    await until(() => pids.every((pid) => !isAlive(pid)));
  });

  it("ends with what its cells started, and removes its connection folder, when its runner is killed during a cell that never yields", async () => {
    const folder = tempFolder();
    try {
      const marker = path.join(folder.dir, "busy");
      // The cell's output cannot leave a kernel that never yields, so the pids go to a file.
      const cell = `${SPAWN_THREE_SLEEPS}\nrequire("fs").writeFileSync(${JSON.stringify(marker)}, \`sleeping \${plain.pid} \${detached.pid} \${inheriting.pid}\`);\nwhile (true) {}`;
      const script = `const { TslabKernel } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/notebook/kernel"))});
        TslabKernel.start({ cwd: ${JSON.stringify(folder.dir)} }).then((kernel) => {
          console.log("started " + kernel.pid);
          kernel.execute(${JSON.stringify(cell)}, { timeoutMs: 600000 });
        });`;
      const runner = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      let printed = "";
      runner.stdout.on("data", (chunk: Buffer) => (printed += chunk));
      await until(() => existsSync(marker));
      const kernelPid = Number(/started (\d+)/.exec(printed)?.[1]);
      const pids = startedPids(readFileSync(marker, "utf8"));
      expect(pids.filter(isAlive)).toHaveLength(3);
      const connectionDir = new RegExp(`--config-path (\\S*roilab-kernel-${runner.pid}-\\S*)/connection.json`).exec(
        kernelsOf(runner.pid as number)[0] ?? "",
      )?.[1] as string;
      expect(existsSync(connectionDir)).toBe(true);
      runner.kill("SIGKILL");
      await until(() => !isAlive(kernelPid) && !existsSync(connectionDir) && pids.every((pid) => !isAlive(pid)));
    } finally {
      folder.dispose();
    }
  });

  it("ends, and removes its connection folder with the key, when its runner is killed", async () => {
    const folder = tempFolder();
    try {
      // A runner that starts a kernel, prints where its connection folder is, and waits to be killed.
      const script = `const { TslabKernel } = require(${JSON.stringify(path.resolve(__dirname, "../../dist/notebook/kernel"))});
        TslabKernel.start({ cwd: ${JSON.stringify(folder.dir)} }).then((kernel) => console.log("started " + kernel.pid));`;
      const runner = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      const kernelPid = await new Promise<number>((resolve) =>
        runner.stdout.on("data", (chunk: Buffer) => {
          const match = /started (\d+)/.exec(chunk.toString());
          if (match) resolve(Number(match[1]));
        }),
      );
      const connectionDirs = () => kernelsOf(runner.pid as number).length;
      expect(connectionDirs()).toBe(1);
      const folderPattern = new RegExp(`--config-path (\\S*roilab-kernel-${runner.pid}-\\S*)/connection.json`);
      const connectionDir = folderPattern.exec(kernelsOf(runner.pid as number)[0] ?? "")?.[1] as string;
      expect(existsSync(connectionDir)).toBe(true);
      runner.kill("SIGKILL");
      await until(() => !isAlive(kernelPid) && !existsSync(connectionDir));
    } finally {
      folder.dispose();
    }
  });
});

/** A cell that starts three long sleeps (a plain child, a detached one in a session of its own, one sharing the kernel's stdio) and prints their pids. */
const SPAWN_THREE_SLEEPS = [
  `const { spawn } = require("child_process");`,
  `const plain = spawn("sleep", ["100000"]);`,
  `const detached = spawn("sleep", ["100000"], { detached: true, stdio: "ignore" });`,
  `detached.unref();`,
  `const inheriting = spawn("sleep", ["100000"], { stdio: "inherit" });`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a script the test runs
  "console.log(`sleeping ${plain.pid} ${detached.pid} ${inheriting.pid}`);",
].join("\n");

function startedPids(printed: string): number[] {
  const match = /sleeping (\d+) (\d+) (\d+)/.exec(printed);
  return match ? match.slice(1).map(Number) : [];
}
