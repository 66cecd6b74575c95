/**
 * One worker's kernel, kept from one notebook to the next of a run: reset between them (kernel-reset.ts)
 * instead of shut down, so a run starts a kernel, and loads the library, once per worker rather than once per
 * notebook. A kernel that died, timed out, serves another folder or cannot be trusted clean is replaced.
 */
import type { KernelProvider } from "./execute";
import type { TslabKernel } from "./kernel";

export class KernelSeat implements KernelProvider {
  private held: TslabKernel | undefined;

  /** `start` gives a fresh kernel for a folder, labelled with the notebook it is for. */
  constructor(private readonly start: (cwd: string, label: string) => Promise<TslabKernel>) {}

  async take(cwd: string, label = "kernel"): Promise<TslabKernel> {
    const held = this.held;
    this.held = undefined;
    if (held) {
      if (held.cwd === cwd && (await held.reset(label))) return held;
      await held.shutdown(0);
    }
    return this.start(cwd, label);
  }

  /** Keeps `kernel` for the next notebook when `reusable`, else shuts it down. */
  async release(kernel: TslabKernel, reusable: boolean): Promise<void> {
    if (reusable && kernel.deathCause === undefined) this.held = kernel;
    else await kernel.shutdown();
  }

  /** Shuts down the kernel kept, at the end of the run. */
  async close(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    await held?.shutdown();
  }
}
