/**
 * The `@types` packages a roilab kernel gives its TypeScript as global types (kernel-preload.ts), and so the
 * ones the runner's type check (check.ts) uses: Node.js's globals alone; a notebook's imports find their own types.
 */
const KERNEL_TYPE_PACKAGES = ["node"];

/** The type packages ROILAB_KERNEL_TYPES asks for: undefined for "all" (tslab's own behaviour). */
export function kernelTypePackages(setting: string | undefined): string[] | undefined {
  if (setting === undefined || setting.trim() === "") return KERNEL_TYPE_PACKAGES;
  if (setting.trim() === "all") return undefined;
  return setting
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}
