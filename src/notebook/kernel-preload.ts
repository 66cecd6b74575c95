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
 *    process (the runner was killed, even with SIGKILL), the kernel ends with every process it started. The
 *    watch runs in a worker thread (kernel-watch.ts), so a busy cell cannot hold it up.
 * 3. A lighter type check. tslab gives its TypeScript every package under `node_modules/@types` as a global
 *    type package, development-only ones included (chai, d3, webgl2...), and re-checks them for every cell.
 *    Notebooks need only Node.js's globals (their imports still find their own types), so the kernel sees
 *    `@types/node` alone. ROILAB_KERNEL_TYPES=all restores every package; a comma-separated list names others.
 * 4. danfojs starts lighter. danfojs-node requires mathjs (0.8 s of CPU to load) and xlsx at start-up, but
 *    calls them only for a few statistics and for Excel files; it gets a stand-in for each that loads the real
 *    module at the first use, so a notebook that only builds and shows DataFrames never loads them.
 *    ROILAB_KERNEL_DEFER=off loads them at once as before.
 * 5. Transpile-only cells, when ROILAB_KERNEL_TRANSPILE_ONLY=1 (roilab's runner sets it once the notebook's
 *    cells have passed its own type check, check.ts). tslab compiles each cell against a program holding every
 *    type it can see and checks it twice; here its TypeScript sees the cell and the earlier cells' declarations
 *    alone (no lib, no imports resolved), which still tells which names are earlier cells' and still emits the
 *    same JavaScript, and reports only syntax errors (and the top-level awaits tslab looks for). The kernelspec
 *    never sets it: an analyst working in Jupyter keeps tslab's full checking.
 * 6. Reusable: between notebooks, the runner resets the kernel instead of starting another (kernel-reset.ts).
 * 7. Measurable. With ROILAB_KERNEL_CPU_DIR set, the kernel writes its CPU time (user + system) there when it
 *    exits; with ROILAB_KERNEL_CPU_PROFILE also set, a V8 CPU profile beside it (see `npm run bench`).
 *
 * It imports nothing of roilab but leaf modules: its runner watch, its global types, its reset and tslab's folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import * as path from "node:path";
import { isMainThread, Worker } from "node:worker_threads";
import type { KernelWatchData } from "./kernel-watch";
import { PROCESS_TOKEN_VARIABLE } from "../util/process-tree";
import { kernelTypePackages } from "./kernel-types";
import { resettableExecutors } from "./kernel-reset";
import { resolveFromTslab } from "./tslab-package";

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
      if (!state) {
        state = { last: Promise.resolve(), queued: 0 };
        states.set(this, state);
      }
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
 * Ends this process, and every process it started, once its parent is no longer the runner that started it,
 * removing the runner's connection folder (it holds the HMAC key) as the runner can no longer do so. The watch
 * is a worker thread, unref'd so that it never keeps the kernel alive.
 */
export function exitWithRunner(runnerPid: number, connectionFile: string | undefined, intervalMs = 1000): Worker {
  const roilabKernelWatch: KernelWatchData = { runnerPid, connectionFile, token: process.env[PROCESS_TOKEN_VARIABLE], intervalMs };
  // No --require of this preload in the thread: it would start a watch of its own, one that knows no connection file.
  const worker = new Worker(path.join(__dirname, "kernel-watch.js"), { workerData: { roilabKernelWatch }, execArgv: [] });
  worker.unref();
  return worker;
}

/** Modules danfojs-node requires at start-up but uses only in some calls: each is loaded at its first use. */
export const DEFERRED_DANFOJS_MODULES = ["mathjs", "xlsx"];

type ModuleLoader = { _load(request: string, parent: { filename?: string | null } | null | undefined, isMain: boolean): unknown };

/**
 * Makes `require(name)` from inside `fromPackage` return a stand-in that loads the real module at the first
 * property read. Only for modules the package reads as `module.name(...)` at call time, never at load time.
 */
export function deferRequires(loader: ModuleLoader, fromPackage: string, names: readonly string[]): void {
  const load = loader._load;
  const inside = `${path.sep}node_modules${path.sep}${fromPackage}${path.sep}`;
  loader._load = function (request, parent, isMain) {
    if (!names.includes(request) || !parent?.filename?.includes(inside)) return load.call(this, request, parent, isMain);
    let real: Record<PropertyKey, unknown> | undefined;
    const module = () => (real ??= load.call(this, request, parent, isMain) as Record<PropertyKey, unknown>);
    return new Proxy({}, { get: (_, key) => module()[key], has: (_, key) => key in module() });
  };
}

type DirectoryLister = { getDirectories(folder: string): string[] };

/**
 * Makes TypeScript's automatic type inclusion see only `keep` in any `node_modules/@types` folder. TypeScript
 * lists a type root's folders only to include each one as a global type package; an import of a package still
 * finds its types by path, so hiding a folder here drops only its globals.
 */
export function restrictTypeRoots(sys: DirectoryLister, keep: readonly string[]): void {
  const getDirectories = sys.getDirectories.bind(sys);
  sys.getDirectories = (folder: string): string[] => {
    const names = getDirectories(folder);
    const isTypeRoot = path.basename(folder) === "@types" && path.basename(path.dirname(folder)) === "node_modules";
    return isTypeRoot ? names.filter((name) => keep.includes(name)) : names;
  };
}

/**
 * Writes this process's CPU time to `folder`, as `<label>.<pid>.json` ({ label, pid, cwd, userSeconds,
 * systemSeconds }), when it exits; with `profile`, a V8 CPU profile of everything after this call beside it.
 * A kernel that serves several notebooks is relabelled by the function returned: the CPU time since the last
 * label is written under it at once, and counting starts again for the new one.
 */
export function recordKernelCpu(folder: string, label: string, profile: boolean): (next: string) => void {
  mkdirSync(folder, { recursive: true });
  const base = (name: string) => path.join(folder, `${name.replace(/[^\w.-]+/g, "_")}.${process.pid}`);
  const first = base(label);
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.start");
  }
  let current = { label, user: 0, system: 0 };
  const write = () => {
    const usage = process.resourceUsage();
    const userSeconds = (usage.userCPUTime - current.user) / 1e6;
    const systemSeconds = (usage.systemCPUTime - current.system) / 1e6;
    writeFileSync(
      `${base(current.label)}.json`,
      `${JSON.stringify({ label: current.label, pid: process.pid, cwd: process.cwd(), userSeconds, systemSeconds })}\n`,
    );
    return usage;
  };
  process.on("exit", () => {
    // An in-process inspector session answers synchronously, so the profile is written before the process ends.
    session?.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(`${first}.cpuprofile`, JSON.stringify(result.profile));
    });
    write();
  });
  return (next) => {
    const usage = write();
    current = { label: next, user: usage.userCPUTime, system: usage.systemCPUTime };
  };
}

type TypeScriptModule = Record<string, unknown> & {
  createWatchCompilerHost(rootFiles: string[], options: Record<string, unknown>, ...rest: unknown[]): unknown;
};
type Diagnostic = { code: number };
type Program = {
  getSyntacticDiagnostics(file: unknown): readonly Diagnostic[];
  getSemanticDiagnostics(file: unknown): readonly Diagnostic[];
};

/** The diagnostic tslab reads as a top-level await (and reports itself when the await is not top-level). */
const AWAIT_OUTSIDE_ASYNC = 1308;

/**
 * TypeScript as tslab's converter sees it in a transpile-only kernel: every program it builds has no lib and
 * resolves no import, and a cell's diagnostics are its syntax errors and its awaits outside an async function.
 * Every other export is the module's own.
 */
export function transpileOnlyTypeScript(ts: TypeScriptModule): TypeScriptModule {
  const patched: TypeScriptModule = Object.create(null);
  for (const key of Object.keys(ts)) Object.defineProperty(patched, key, { enumerable: true, configurable: true, get: () => ts[key] });
  const overrides = {
    createWatchCompilerHost: (rootFiles: string[], options: Record<string, unknown>, ...rest: unknown[]) =>
      ts.createWatchCompilerHost(
        rootFiles,
        { ...options, noLib: true, lib: undefined, noResolve: true, types: [], typeRoots: [] },
        ...rest,
      ),
    getPreEmitDiagnosticsOfFiles: (program: Program, files: readonly unknown[]) =>
      files.flatMap((file) => [
        ...program.getSyntacticDiagnostics(file),
        ...program.getSemanticDiagnostics(file).filter((d) => d.code === AWAIT_OUTSIDE_ASYNC),
      ]),
  };
  for (const [key, value] of Object.entries(overrides)) Object.defineProperty(patched, key, { enumerable: true, value });
  return patched;
}

function install(): void {
  const cpuDir = process.env.ROILAB_KERNEL_CPU_DIR;
  const relabel = cpuDir
    ? recordKernelCpu(cpuDir, process.env.ROILAB_NOTEBOOK ?? "kernel", Boolean(process.env.ROILAB_KERNEL_CPU_PROFILE))
    : undefined;
  // The very instances tslab loads (its zeromq, TypeScript and executor), found from tslab's folder, to patch them before it starts
  const fromTslab = (name: string): unknown => require(resolveFromTslab(name));
  // Node's module loader, whose internal _load every require goes through
  const loader = require("node:module") as ModuleLoader;
  const zeromq = fromTslab("zeromq") as { Publisher: PublisherClass };
  queuePublisherSends(zeromq.Publisher);
  if (process.env.ROILAB_KERNEL_DEFER !== "off") deferRequires(loader, "danfojs-node", DEFERRED_DANFOJS_MODULES);
  const types = kernelTypePackages(process.env.ROILAB_KERNEL_TYPES);
  // The TypeScript tslab compiles cells with; its converter's host inherits from this sys.
  const ts = fromTslab("@tslab/typescript-for-tslab") as TypeScriptModule & { sys: DirectoryLister };
  if (types) restrictTypeRoots(ts.sys, types);
  if (process.env.ROILAB_KERNEL_TRANSPILE_ONLY === "1") {
    // Before tslab's converter first requires it: every later require gets the transpile-only view.
    const entry = require.cache[resolveFromTslab("@tslab/typescript-for-tslab")];
    if (entry) entry.exports = transpileOnlyTypeScript(ts);
  }
  resettableExecutors(fromTslab("./dist/executor.js") as Parameters<typeof resettableExecutors>[0], loader, (label) => relabel?.(label));
  zeromq.Publisher = losslessPublisher(zeromq.Publisher);
  const runner = Number(process.env.ROILAB_RUNNER_PID);
  const configPath = process.argv[process.argv.indexOf("--config-path") + 1];
  if (Number.isInteger(runner) && runner > 0) exitWithRunner(runner, process.argv.includes("--config-path") ? configPath : undefined);
}

// Once per kernel: a worker thread the kernel starts (the watch among them) is no kernel.
if (process.env.ROILAB_KERNEL_PRELOAD !== "off" && isMainThread) install();
