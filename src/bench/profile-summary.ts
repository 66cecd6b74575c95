#!/usr/bin/env node
/**
 * Where a kernel's CPU time goes: reads the V8 CPU profiles (`*.cpuprofile`) that kernels write under
 * ROILAB_KERNEL_CPU_DIR with ROILAB_KERNEL_CPU_PROFILE=1, and prints self time by package and by function.
 * Usage: node dist/bench/profile-summary.js FOLDER_OR_FILE... [--top N]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to: the last `node_modules/<name>` (scoped names whole), Node's own code, or the file's folder. */
export function packageOf(url: string): string {
  if (url === "") return "(V8: garbage collection, idle, native)";
  if (url.startsWith("node:")) return "node (built-in)";
  const file = url.replace(/^file:\/\//, "");
  const parts = file.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at >= 0) {
    const name = parts[at + 1] ?? "";
    return name.startsWith("@") ? `${name}/${parts[at + 2] ?? ""}` : name;
  }
  const dist = parts.lastIndexOf("dist");
  return dist >= 0 ? `roilab dist/${parts[dist + 1] ?? ""}` : file;
}

/** Self time in milliseconds per profile node id: each sample's time delta is charged to the sampled node. */
export function selfTimesMs(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: [string, number][];
  byFunction: [string, number][];
}

export function summarise(profiles: CpuProfile[]): ProfileSummary {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const [id, ms] of selfTimesMs(profile)) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame) continue;
      const pkg = packageOf(frame.url);
      // (idle) is time the kernel waited for a request, not work.
      if (frame.functionName === "(idle)") continue;
      totalMs += ms;
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
      const fn = `${frame.functionName || "(anonymous)"}  ${pkg}${frame.url ? `:${path.basename(frame.url)}:${frame.lineNumber + 1}` : ""}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs, byPackage: sorted(byPackage), byFunction: sorted(byFunction) };
}

function profileFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(target, name));
}

function main(args: string[]): void {
  const topAt = args.indexOf("--top");
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
  const targets = topAt >= 0 ? args.filter((_, index) => index !== topAt && index !== topAt + 1) : args;
  const files = targets.flatMap(profileFiles);
  if (files.length === 0) {
    process.stderr.write("usage: profile-summary FOLDER_OR_FILE... [--top N] (no .cpuprofile files found)\n");
    process.exit(2);
  }
  const summary = summarise(files.map((file) => JSON.parse(readFileSync(file, "utf8")) as CpuProfile));
  const line = ([name, ms]: [string, number]) =>
    `${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${name}\n`;
  process.stdout.write(
    `${files.length} profiles, ${(summary.totalMs / 1000).toFixed(2)} s sampled (idle excluded)\n\nself time by package\n`,
  );
  summary.byPackage.slice(0, top).forEach((entry) => {
    process.stdout.write(line(entry));
  });
  process.stdout.write("\nself time by function\n");
  summary.byFunction.slice(0, top).forEach((entry) => {
    process.stdout.write(line(entry));
  });
}

if (require.main === module) main(process.argv.slice(2));
