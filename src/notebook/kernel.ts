/** A tslab kernel run as a child process and driven over ZeroMQ, as Jupyter drives it. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type * as zmq from "zeromq";
import {
  createMessage,
  decodeMessage,
  encodeMessage,
  type ConnectionInfo,
  type ExecuteReplyContent,
  type ExecuteRequestContent,
  type IopubMessage,
  type KernelInfoReplyContent,
  type Message,
} from "./protocol";
import { ExecuteTimeoutError, KernelDiedError, KernelProtocolError } from "../errors";
import { RESET_CONFIRMATION, RESET_MARKER } from "./kernel-reset";
import { tslabDir } from "./tslab-package";
import { PROJECT_ROOT } from "../util/project-root";
import { endProcessTree, PROCESS_TOKEN_VARIABLE } from "../util/process-tree";

/**
 * How long after the execute_reply, with no further output, a cell counts as done when the kernel's idle
 * status never comes (it was lost). Long enough for output still in flight on a busy machine.
 */
const IDLE_GRACE_MS = 10_000;

/** The longest a Node.js timer waits: 2^31 - 1 ms, about 24.8 days. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface ExecuteOutcome {
  reply: ExecuteReplyContent;
  /** True when the kernel's idle status never arrived and the cell was ended IDLE_GRACE_MS after its last output: some output may be lost. */
  idleMissing: boolean;
  /** The iopub messages this request caused, in arrival order (status messages excluded); none kept when `onMessage` takes them. */
  messages: IopubMessage[];
}

export interface KernelStartOptions {
  /** The kernel's working directory: the notebook's folder, as in Jupyter. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the kernel to answer kernel_info. Default 60 s. */
  startTimeoutMs?: number;
  /**
   * Cells run transpile-only, without tslab's type check (see kernel-preload.ts): for a runner that checked
   * them itself first (check.ts). Default false: tslab checks every cell, as in Jupyter.
   */
  transpileOnly?: boolean;
}

interface LiveKernel {
  connectionDir: string;
  /** Marks the kernel and every process it starts (see process-tree.ts). */
  token: string;
}

/** Every kernel process this runner started and has not seen end with all it started, so that no path leaves one behind. */
const liveKernels = new Map<ChildProcess, LiveKernel>();

/** Ends a kernel with every process it started, and removes its connection folder. */
function endKernel(child: ChildProcess, { connectionDir, token }: LiveKernel): void {
  const ended = child.exitCode !== null || child.signalCode !== null;
  if (child.pid !== undefined) endProcessTree(child.pid, token, ended);
  // The connection file holds the kernel's HMAC key: never leave it behind, even on Ctrl-C.
  rmSync(connectionDir, { recursive: true, force: true });
}

/** Kills every kernel still running, with the processes its cells started. Safe to call from exit and signal handlers. */
export function killAllKernels(): void {
  for (const [child, live] of liveKernels) endKernel(child, live);
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export function tslabBinary(): string {
  return path.join(tslabDir(), "bin", "tslab");
}

/**
 * Node's options for a kernel. danfojs-node loads request and node-fetch 2 for reading remote files, and their URL
 * code requires Node's deprecated punycode module: Node 22 and later would warn on every kernel's stderr, though
 * no notebook reads a URL.
 */
export const KERNEL_NODE_OPTIONS = ["--disable-warning=DEP0040"];

/** The command line that starts a kernel: this Node.js, roilab's kernel preload, then tslab (see kernel-preload.ts). */
export function kernelCommand(connectionFile: string): string[] {
  // The compiled preload, also when this module runs from source (tests): the kernel is plain Node.js.
  const preload = path.join(PROJECT_ROOT, "dist", "notebook", "kernel-preload.js");
  return [process.execPath, ...KERNEL_NODE_OPTIONS, "--require", preload, tslabBinary(), "kernel", "--config-path", connectionFile];
}

interface Waiter {
  resolve(message: Message): void;
}

/**
 * What tslab prints when its sockets did not come up: it used one ZeroMQ was still binding (EBUSY), or another
 * process took a port between our choosing it and tslab binding it (EADDRINUSE). That kernel never recovers.
 */
const BIND_RACE_MESSAGES = ["Socket is blocked by a bind or unbind operation", "Address already in use"];
const KERNEL_START_ATTEMPTS = 3;

/** A kernel whose sockets did not come up (see BIND_RACE_MESSAGES); a fresh start on fresh ports fixes it. */
class KernelBindRaceError extends KernelProtocolError {
  override name = "KernelBindRaceError";
}

export class TslabKernel {
  private readonly session = randomUUID();
  private readonly replyWaiters = new Map<string, Waiter>();
  private readonly iopubListeners = new Map<string, (message: IopubMessage) => void>();
  private readonly exited: Promise<void>;
  private died: KernelDiedError | undefined;
  private closed = false;
  /** Requests run before the notebook's own (a pool's warm-up, a reset), so its cells are still numbered from 1. */
  executionCountOffset = 0;
  /** The working directory it was started in: a kernel serves only notebooks of that folder. */
  cwd = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ConnectionInfo,
    private readonly connectionDir: string,
    private readonly shell: zmq.Dealer,
    private readonly control: zmq.Dealer,
    private readonly iopub: zmq.Subscriber,
    private readonly stderrTail: string[],
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        // A kernel that died on its own may leave what its cells started: end that now, while its group is known.
        const live = liveKernels.get(child);
        if (live && !this.closed) {
          endKernel(child, live);
          liveKernels.delete(child);
        }
        if (!this.closed) this.died = new KernelDiedError(code, signal);
        resolve();
      });
    });
    void this.pump(shell);
    void this.pump(control);
    void this.pumpIopub();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Starts tslab with a fresh connection file (loopback, free ports, random HMAC key) and waits until it answers.
   * tslab can answer its first request before ZeroMQ has finished binding its sockets; that kernel is broken
   * for good (EBUSY), so it is stopped and a fresh one started, a few times at most.
   */
  static async start(options: KernelStartOptions): Promise<TslabKernel> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await TslabKernel.startOnce(options);
      } catch (error) {
        if (!(error instanceof KernelBindRaceError) || attempt >= KERNEL_START_ATTEMPTS) throw error;
      }
    }
  }

  private static async startOnce(options: KernelStartOptions): Promise<TslabKernel> {
    // Loaded here, not at import: a run whose notebooks are all unchanged starts no kernel and never loads ZeroMQ's native binding.
    const zeromq = require("zeromq") as typeof zmq;
    const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = (await freePorts(5)) as [number, number, number, number, number];
    const connection: ConnectionInfo = {
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port: shellPort,
      iopub_port: iopubPort,
      stdin_port: stdinPort,
      control_port: controlPort,
      hb_port: hbPort,
      key: randomBytes(32).toString("hex"),
      signature_scheme: "hmac-sha256",
      kernel_name: "tslab",
    };
    // The runner's pid in the name tells which runner a kernel belongs to (see the process table).
    const connectionDir = mkdtempSync(path.join(tmpdir(), `roilab-kernel-${process.pid}-`));
    const connectionFile = path.join(connectionDir, "connection.json");
    writeFileSync(connectionFile, JSON.stringify(connection), { mode: 0o600 });

    const [node, ...args] = kernelCommand(connectionFile);
    const token = randomUUID();
    const child = spawn(node as string, args, {
      cwd: options.cwd,
      env: {
        ...(options.env ?? process.env),
        ROILAB_RUNNER_PID: String(process.pid),
        [PROCESS_TOKEN_VARIABLE]: token,
        ROILAB_KERNEL_TRANSPILE_ONLY: options.transpileOnly ? "1" : "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that ending the kernel ends what its cells started (see process-tree.ts).
      detached: true,
    });
    liveKernels.set(child, { connectionDir, token });
    // Keep the end of the kernel's own output: it explains a kernel that fails to start or dies.
    const stderrTail: string[] = [];
    const keep = (chunk: Buffer) => {
      stderrTail.push(chunk.toString());
      if (stderrTail.length > 20) stderrTail.shift();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);

    const url = (port: number) => `tcp://127.0.0.1:${port}`;
    const shell = new zeromq.Dealer({ linger: 0 });
    const control = new zeromq.Dealer({ linger: 0 });
    // No high-water mark: a cell's output is kept for this reader however much of it arrives at once.
    const iopub = new zeromq.Subscriber({ linger: 0, receiveHighWaterMark: 0 });
    shell.connect(url(shellPort));
    control.connect(url(controlPort));
    iopub.connect(url(iopubPort));
    iopub.subscribe();

    const kernel = new TslabKernel(child, connection, connectionDir, shell, control, iopub, stderrTail);
    kernel.cwd = options.cwd;
    try {
      await kernel.handshake(options.startTimeoutMs ?? 60_000);
    } catch (error) {
      await kernel.shutdown(0);
      throw error;
    }
    return kernel;
  }

  /**
   * kernel_info until both a shell reply and an iopub message arrive: only then is the iopub subscription
   * live, so no output of the first cell can be lost.
   */
  private async handshake(timeoutMs: number): Promise<KernelInfoReplyContent> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const said = this.stderrTail.join("");
      if (BIND_RACE_MESSAGES.some((message) => said.includes(message))) throw new KernelBindRaceError(said.trim());
      const request = createMessage("kernel_info_request", {}, this.session);
      let sawIopub = false;
      this.iopubListeners.set(request.header.msg_id, () => (sawIopub = true));
      try {
        const reply = await this.request(this.shell, request, Math.min(2000, deadline - Date.now()));
        if (reply && sawIopub) return reply.content as unknown as KernelInfoReplyContent;
        if (reply) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        this.iopubListeners.delete(request.header.msg_id);
      }
    }
    throw new KernelProtocolError(
      `the tslab kernel did not answer within ${timeoutMs / 1000} s${this.stderrTail.length ? `:\n${this.stderrTail.join("").trim()}` : ""}`,
    );
  }

  private async pump(socket: zmq.Dealer): Promise<void> {
    try {
      for await (const frames of socket) {
        const message = decodeMessage(frames, this.connection.key);
        const parent = message.parent_header.msg_id;
        const waiter = parent === undefined ? undefined : this.replyWaiters.get(parent);
        if (waiter && parent !== undefined) {
          this.replyWaiters.delete(parent);
          waiter.resolve(message);
        }
      }
    } catch {
      // The socket was closed.
    }
  }

  private async pumpIopub(): Promise<void> {
    try {
      for await (const frames of this.iopub) {
        const message = decodeMessage(frames, this.connection.key) as unknown as IopubMessage;
        const parent = message.parent_header.msg_id;
        if (parent !== undefined) this.iopubListeners.get(parent)?.(message);
      }
    } catch {
      // The socket was closed.
    }
  }

  /** Sends a request and waits for its reply; undefined on timeout; rejects if the kernel dies. */
  private async request(socket: zmq.Dealer, message: Message<unknown>, timeoutMs: number): Promise<Message | undefined> {
    const id = message.header.msg_id;
    const reply = new Promise<Message | undefined>((resolve) => {
      this.replyWaiters.set(id, { resolve });
      // A longer timer than a Node.js timer can hold would fire at once.
      setTimeout(
        () => {
          this.replyWaiters.delete(id);
          resolve(undefined);
        },
        Math.min(timeoutMs, LONGEST_TIMER_MS),
      ).unref();
    });
    await socket.send(encodeMessage(message, this.connection.key));
    const result = await Promise.race([reply, this.exited.then(() => "exited" as const)]);
    if (result === "exited") throw this.died ?? new KernelDiedError(null, null);
    return result;
  }

  /**
   * Runs one cell. Resolves when both the execute_reply and the kernel's idle status for it have arrived.
   * Rejects with ExecuteTimeoutError (the kernel is left running: interrupt or kill it) or KernelDiedError.
   */
  async execute(
    code: string,
    options: { timeoutMs: number; idleGraceMs?: number; onMessage?: (message: IopubMessage) => void; signal?: AbortSignal },
  ): Promise<ExecuteOutcome> {
    if (this.died) throw this.died;
    const request = createMessage<ExecuteRequestContent>(
      "execute_request",
      { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      this.session,
    );
    const messages: IopubMessage[] = [];
    let idle!: (missing: boolean) => void;
    const becameIdle = new Promise<boolean>((resolve) => (idle = resolve));
    // After the reply, a quiet spell of IDLE_GRACE_MS stands in for a lost idle status.
    let grace: NodeJS.Timeout | undefined;
    let replied = false;
    const restartGrace = () => {
      clearTimeout(grace);
      if (replied) grace = setTimeout(() => idle(true), options.idleGraceMs ?? IDLE_GRACE_MS);
    };
    this.iopubListeners.set(request.header.msg_id, (message) => {
      if (message.header.msg_type === "status") {
        if ((message.content as { execution_state?: string }).execution_state === "idle") idle(false);
        return;
      }
      // A caller that takes the messages keeps what it needs: holding them all here too would double the runner's memory.
      if (options.onMessage) options.onMessage(message);
      else messages.push(message);
      restartGrace();
    });
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ExecuteTimeoutError(options.timeoutMs)), options.timeoutMs);
        // The caller's stop (its output limit) ends the wait as a timeout does: the kernel is left to the caller.
        options.signal?.addEventListener("abort", () => reject(options.signal?.reason), { once: true });
      });
      try {
        const reply = await Promise.race([this.request(this.shell, request, options.timeoutMs + 1000), timeout]);
        if (!reply) throw new ExecuteTimeoutError(options.timeoutMs);
        replied = true;
        restartGrace();
        const idleMissing = await Promise.race([
          becameIdle,
          timeout,
          this.exited.then(() => Promise.reject(this.died ?? new KernelDiedError(null, null))),
        ]);
        return { reply: reply.content as unknown as ExecuteReplyContent, messages, idleMissing };
      } finally {
        clearTimeout(timer);
        clearTimeout(grace);
      }
    } finally {
      this.iopubListeners.delete(request.header.msg_id);
    }
  }

  /** Asks the running cell to stop, as Jupyter's interrupt button does for a signal-mode kernel. */
  interrupt(): void {
    if (!this.died) this.child.kill("SIGINT");
  }

  /**
   * Makes the kernel forget every name its cells declared, for the next notebook (`label` names it in CPU
   * records), keeping the modules they loaded; false when the kernel cannot be trusted to be clean and should
   * be shut down instead (see kernel-reset.ts).
   */
  async reset(label: string, timeoutMs = 30_000): Promise<boolean> {
    if (this.deathCause !== undefined) return false;
    try {
      const { reply, messages } = await this.execute(`${RESET_MARKER}${JSON.stringify({ label })}\n`, { timeoutMs });
      const confirmed = messages.some((message) => String((message.content as { text?: unknown }).text ?? "").includes(RESET_CONFIRMATION));
      if (reply.status !== "ok" || !confirmed) return false;
      this.executionCountOffset = typeof reply.execution_count === "number" ? reply.execution_count : this.executionCountOffset + 1;
      return true;
    } catch {
      return false;
    }
  }

  /** Polite shutdown_request, then SIGKILL after graceMs; closes the sockets and removes the connection file. */
  async shutdown(graceMs = 2000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.died && graceMs > 0) {
      const request = createMessage("shutdown_request", { restart: false }, this.session);
      void this.control.send(encodeMessage(request, this.connection.key)).catch(() => undefined);
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    }
    // Also after a clean exit: processes a cell started (a server, a detached `sleep`) end with the kernel.
    const live = liveKernels.get(this.child);
    if (live) {
      endKernel(this.child, live);
      liveKernels.delete(this.child);
      await this.exited;
    }
    for (const socket of [this.shell, this.control, this.iopub]) socket.close();
    rmSync(this.connectionDir, { recursive: true, force: true });
  }

  /** The kernel's last output lines, for messages about a kernel that died. */
  recentOutput(): string {
    return this.stderrTail.join("").trim();
  }

  /** Set when the kernel process has exited without being shut down. */
  get deathCause(): KernelDiedError | undefined {
    return this.died;
  }
}
