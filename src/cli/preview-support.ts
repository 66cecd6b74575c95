/** What `roilab preview` needs beyond the publisher: its default output folder and opening a browser. */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** One folder per project folder, kept between previews so the runner's cache spares a cold start. */
export function defaultPreviewFolder(cwd: string = process.cwd()): string {
  return path.join(tmpdir(), `roilab-preview-${createHash("sha256").update(path.resolve(cwd)).digest("hex").slice(0, 12)}`);
}

/** Opens `url` in the desktop's browser; where there is none, the address printed is enough. */
export function openInBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No opener: the address is on the terminal.
  }
}
