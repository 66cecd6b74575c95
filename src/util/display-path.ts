/** How files and folders are named to the people who read roilab's messages and pages. */
import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

/** A file in messages: relative to the working directory when inside it, else as given. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/**
 * A folder in a published page: relative to the roilab project when inside it (`data`, `data/2026-11`), else
 * by its own name, so a page never shows where the analyst's machine keeps it.
 */
export function publishedFolderName(dir: string): string {
  const relative = path.relative(PROJECT_ROOT, path.resolve(dir));
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : path.basename(path.resolve(dir))).split(path.sep).join("/");
}
