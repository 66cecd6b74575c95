/**
 * Spare tslab kernels started ahead of need, one set per working directory, so that a re-run takes a kernel
 * that has already booted instead of waiting seconds for one. Each kernel serves one notebook run and is then
 * shut down by the runner (a notebook's state never leaks into the next run); the pool starts a replacement
 * as soon as one is taken.
 */
import type { KernelProvider } from "./execute";
import { TslabKernel } from "./kernel";

export interface KernelPoolOptions {
  /** Spare kernels kept ready per working directory. Default 1. */
  spares?: number;
  /**
   * Code a spare runs once it has started, e.g. the notebooks' imports, so that loading a library and its
   * types is done before a run needs it. A warm-up that fails leaves the spare unused. None by default.
   */
  warmup?: (cwd: string) => string | undefined;
  /** Told when a spare is ready, with the ms it took to start and warm up. */
  onSpareReady?: (cwd: string, ms: number) => void;
  /** Per warm-up, ms. Default 120 s. */
  warmupTimeoutMs?: number;
  /** Kernels that run cells transpile-only, for a runner that type-checks them first (see TslabKernel.start). */
  transpileOnly?: boolean;
  /**
   * Start a replacement as soon as a spare is taken (default). Off, the owner calls `warm` when the run that took
   * it is over, so that a booting replacement never competes with that run for the machine's cores.
   */
  replaceOnTake?: boolean;
}

export class KernelPool implements KernelProvider {
  private readonly spares = new Map<string, Promise<TslabKernel>[]>();
  private readonly size: number;
  private closed = false;

  constructor(private readonly options: KernelPoolOptions = {}) {
    this.size = Math.max(0, options.spares ?? 1);
  }

  private async startSpare(cwd: string): Promise<TslabKernel> {
    const started = Date.now();
    const kernel = await TslabKernel.start({ cwd, transpileOnly: this.options.transpileOnly });
    const code = this.options.warmup?.(cwd);
    try {
      if (code) {
        const { reply } = await kernel.execute(code, { timeoutMs: this.options.warmupTimeoutMs ?? 120_000 });
        if (reply.status !== "ok") throw new Error("warm-up failed");
        kernel.executionCountOffset += 1;
      }
      this.options.onSpareReady?.(cwd, Date.now() - started);
      return kernel;
    } catch (error) {
      await kernel.shutdown(0);
      throw error;
    }
  }

  /** Starts spares for `cwd` now, before any run needs them. */
  warm(cwd: string): void {
    const list = this.listFor(cwd);
    while (!this.closed && list.length < this.size) {
      const starting = this.startSpare(cwd);
      // A spare that failed to start is dropped when taken; never an unhandled rejection while it waits.
      starting.catch(() => undefined);
      list.push(starting);
    }
  }

  /** A started kernel for `cwd`: a spare when one is ready or booting (a fresh one when it failed), and a replacement is started. */
  async take(cwd: string): Promise<TslabKernel> {
    const spare = this.listFor(cwd).shift();
    if (this.options.replaceOnTake ?? true) this.warm(cwd);
    if (spare) {
      try {
        const kernel = await spare;
        if (kernel.deathCause === undefined) return kernel;
        await kernel.shutdown(0);
      } catch {
        // Fall through to a fresh start, which reports its own error.
      }
    }
    return TslabKernel.start({ cwd, transpileOnly: this.options.transpileOnly });
  }

  /** Shuts every spare down; taken kernels are their runner's to shut down. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.spares.values()].flat();
    this.spares.clear();
    await Promise.all(
      all.map(async (starting) => {
        try {
          await (await starting).shutdown(0);
        } catch {
          // A spare that never started has nothing to stop.
        }
      }),
    );
  }

  private listFor(cwd: string): Promise<TslabKernel>[] {
    let list = this.spares.get(cwd);
    if (!list) {
      list = [];
      this.spares.set(cwd, list);
    }
    return list;
  }
}
