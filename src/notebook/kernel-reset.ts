/**
 * A kernel that serves one notebook after another (kernel-preload.ts installs this in every roilab kernel).
 * The runner sends a cell starting with RESET_MARKER between notebooks: tslab's executor forgets every name the
 * cells declared, as a fresh kernel would know none, while the modules they loaded (the library, danfojs) stay
 * loaded, which is what reuse saves. The cell fails, and the runner starts a fresh kernel, when the reset cannot
 * be trusted: a cell changed or added a global of its own (one a module added while loading is the module's), or
 * left something running (a timer, a server, a child process) that a fresh kernel would not have.
 *
 * It runs in the kernel and imports nothing of roilab.
 */

/** The start of the cell that asks for a reset; the rest of its first line is JSON: { label } (the next notebook). */
export const RESET_MARKER = "//roilab:reset-kernel ";
/**
 * What a reset kernel prints: a kernel without this module (stock tslab, or the preload turned off) runs the
 * reset cell as the comment it is and prints nothing, so the runner knows it was not reset.
 */
export const RESET_CONFIRMATION = "roilab: kernel reset";

type Executor = { execute(src: string): Promise<boolean>; reset(): void };
type ModuleLoader = { _load(request: string, parent: unknown, isMain: boolean): unknown };

/** The globals and the running resources a clean kernel has. */
interface Baseline {
  globals: Map<string, unknown>;
  resources: Map<string, number>;
}

function countResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

function snapshotGlobals(): Map<string, unknown> {
  return new Map(Object.getOwnPropertyNames(globalThis).map((name) => [name, (globalThis as Record<string, unknown>)[name]]));
}

/** Why a reset cannot be trusted, or undefined when it can. */
function untrustedBecause(baseline: Baseline, now: { globals: Map<string, unknown>; resources: Map<string, number> }): string | undefined {
  const changed = [...now.globals]
    .filter(([name, value]) => !baseline.globals.has(name) || !Object.is(baseline.globals.get(name), value))
    .map(([name]) => name);
  if (changed.length) return `the cells set global ${changed.slice(0, 5).join(", ")}`;
  const running = [...now.resources].filter(([kind, count]) => count > (baseline.resources.get(kind) ?? 0)).map(([kind]) => kind);
  if (running.length) return `the cells left ${running.join(", ")} running`;
  return undefined;
}

/**
 * Makes every top-level `require` count the globals it adds, and what it leaves running, as a clean kernel's: a
 * module that sets one while loading (TensorFlow.js registers its engine) would set it in a fresh kernel too.
 */
function acceptModuleGlobals(loader: ModuleLoader, baseline: Baseline): void {
  const load = loader._load;
  let depth = 0;
  loader._load = function (request, parent, isMain) {
    const before = depth === 0 ? new Set(Object.getOwnPropertyNames(globalThis)) : undefined;
    depth += 1;
    try {
      return load.call(this, request, parent, isMain);
    } finally {
      depth -= 1;
      if (before) {
        for (const name of Object.getOwnPropertyNames(globalThis)) {
          if (!before.has(name)) baseline.globals.set(name, (globalThis as Record<string, unknown>)[name]);
        }
        // What a module leaves running once loaded (a timer of its own), a fresh kernel that loads it has too.
        for (const [kind, count] of countResources()) baseline.resources.set(kind, Math.max(count, baseline.resources.get(kind) ?? 0));
      }
    }
  };
}

/**
 * Wraps tslab's `createExecutor` so that the executor it makes answers the reset cell. `onLabel` is told the
 * next notebook's label after each reset (for the kernel's CPU records).
 */
export function resettableExecutors(
  executorModule: { createExecutor: (...args: never[]) => Executor },
  loader: ModuleLoader,
  onLabel: (label: string) => void,
): void {
  const create = executorModule.createExecutor;
  executorModule.createExecutor = (...args: never[]) => {
    const executor = create(...args);
    const execute = executor.execute.bind(executor);
    let baseline: Baseline | undefined;
    executor.execute = async (src: string) => {
      if (!baseline) {
        // Taken before the first cell runs: tslab is up, no cell has run.
        baseline = { globals: snapshotGlobals(), resources: countResources() };
        acceptModuleGlobals(loader, baseline);
      }
      if (!src.startsWith(RESET_MARKER)) return execute(src);
      const reason = untrustedBecause(baseline, { globals: snapshotGlobals(), resources: countResources() });
      if (reason) {
        console.error(`roilab: this kernel cannot be reused: ${reason}`);
        return false;
      }
      executor.reset();
      const { label } = JSON.parse(src.slice(RESET_MARKER.length).split("\n")[0] ?? "{}") as { label?: string };
      if (label) onLabel(label);
      console.log(RESET_CONFIRMATION);
      return true;
    };
    return executor;
  };
}
