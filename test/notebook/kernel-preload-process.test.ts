/** The compiled kernel preload in a Node process of its own, as a kernel loads it: what it records and what it leaves unloaded. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { KERNEL_NODE_OPTIONS } from "../../src/notebook/kernel";

describe("the kernel preload in a process", () => {
  it("writes the kernel's CPU time and a CPU profile when asked, and leaves mathjs unloaded by danfojs", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "roilab-cpu-"));
    try {
      const preload = path.resolve("dist/notebook/kernel-preload.js");
      const script =
        "require('danfojs-node'); console.log(Object.keys(require.cache).some((file) => file.includes('/node_modules/mathjs/')))";
      const result = spawnSync(process.execPath, [...KERNEL_NODE_OPTIONS, "--require", preload, "-e", script], {
        encoding: "utf8",
        env: { ...process.env, ROILAB_KERNEL_CPU_DIR: folder, ROILAB_KERNEL_CPU_PROFILE: "1", ROILAB_NOTEBOOK: "notebooks/a.ipynb" },
      });
      expect(result.stderr).toBe("");
      expect(result.stdout.trim()).toBe("false");
      const files = readdirSync(folder).sort();
      expect(files.map((file) => file.replace(/\.\d+\./, ".PID."))).toEqual([
        "notebooks_a.ipynb.PID.cpuprofile",
        "notebooks_a.ipynb.PID.json",
      ]);
      const record = JSON.parse(readFileSync(path.join(folder, files[1] as string), "utf8")) as { label: string; userSeconds: number };
      expect(record.label).toBe("notebooks/a.ipynb");
      expect(record.userSeconds).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(path.join(folder, files[0] as string), "utf8")).samples.length).toBeGreaterThan(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
