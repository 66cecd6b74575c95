/**
 * Loaded into every tslab kernel roilab starts (`node --require kernel-preload.js tslab kernel ...`, also in
 * the kernelspec `kernel-install` writes), before tslab itself. It runs in the kernel process, so it imports
 * nothing of roilab.
 *
 * 1. No output is lost. tslab sends each write to stdout as its own iopub message and does not wait for the
 *    send. zeromq.js accepts only one pending send per socket and throws EBUSY at the next one, so a cell that
 *    prints more than about 500 lines in one go lost the rest, and its `idle` status with them. Sends on the
 *    kernel's Publisher are queued here, in order, each after the previous one; and the Publisher keeps every
 *    message for a slow reader (no high-water mark), where ZeroMQ would drop them past 1,000 on a busy machine.
 * 2. No kernel outlives its runner. When ROILAB_RUNNER_PID is set and the kernel's parent is no longer that
 *    process (the runner was killed, even with SIGKILL), the kernel exits.
 */
import { rmSync } from "node:fs";
import * as path from "node:path";

type Send = (this: object, message: unknown) => Promise<void>;

type PublisherClass = { new (options?: Record<string, unknown>): object; prototype: object };

/** A Publisher class like zeromq's own whose sockets queue every message for slow subscribers instead of dropping it. */
export function losslessPublisher(publisherClass: PublisherClass): PublisherClass {
  return class LosslessPublisher extends publisherClass {
    constructor(options: Record<string, unknown> = {}) {
      super({ sendHighWaterMark: 0, ...options });
    }
  };
}

/**
 * Makes a zeromq.js Publisher's sends never fail for being busy: a send goes out at once when it can (so a
 * status sent before a shell reply still leaves first), and otherwise waits its turn behind the send in
 * progress, in order.
 */
export function queuePublisherSends(publisherClass: { prototype: object }): void {
  const send = (Object.getPrototypeOf(publisherClass.prototype) as { send: Send }).send;
  const states = new WeakMap<object, { last: Promise<void>; queued: number }>();
  // The inherited `send` is not writable, so assignment would silently do nothing.
  Object.defineProperty(publisherClass.prototype, "send", {
    configurable: true,
    writable: true,
    value(this: object, message: unknown): Promise<void> {
      let state = states.get(this);
      if (!state) states.set(this, (state = { last: Promise.resolve(), queued: 0 }));
      const current = state;
      if (current.queued === 0) {
        try {
          const sent = send.call(this, message);
          current.last = sent.catch(() => undefined);
          return sent;
        } catch (error) {
          if ((error as { code?: string }).code !== "EBUSY") throw error;
        }
      }
      current.queued += 1;
      const sent = current.last.then(() => send.call(this, message)).finally(() => (current.queued -= 1));
      current.last = sent.catch(() => undefined);
      return sent;
    },
  });
}

/**
 * Exits this process once its parent is no longer the runner that started it, removing the runner's
 * connection folder (it holds the HMAC key) as the runner can no longer do so.
 */
export function exitWithRunner(runnerPid: number, connectionFile: string | undefined, intervalMs = 1000): void {
  const timer = setInterval(() => {
    if (process.ppid === runnerPid) return;
    const folder = connectionFile === undefined ? undefined : path.dirname(connectionFile);
    if (folder !== undefined && path.basename(folder).startsWith(`roilab-kernel-${runnerPid}-`)) rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  }, intervalMs);
  timer.unref();
}

function install(): void {
  // tslab loads its own zeromq; patch that very module.
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- zeromq must be the instance tslab will load, found from tslab's folder
  const zeromq = require(require.resolve("zeromq", { paths: [tslabDir] })) as { Publisher: PublisherClass };
  queuePublisherSends(zeromq.Publisher);
  zeromq.Publisher = losslessPublisher(zeromq.Publisher);
  const runner = Number(process.env.ROILAB_RUNNER_PID);
  const configPath = process.argv[process.argv.indexOf("--config-path") + 1];
  if (Number.isInteger(runner) && runner > 0) exitWithRunner(runner, process.argv.includes("--config-path") ? configPath : undefined);
}

if (process.env.ROILAB_KERNEL_PRELOAD !== "off") install();
