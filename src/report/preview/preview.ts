/**
 * roilab preview: publishes the notebooks once, serves the report, and on every change to a notebook, a data
 * folder it reads or the compiled library re-runs only the notebooks that change concerns (the runner's cache
 * skips the rest), those of the open pages first, republishes their pages with the report build and reloads the
 * open pages. A failure is shown over the page, which stays the last good one.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { RoilabError } from "../../errors";
import { KernelPool } from "../../notebook/kernel-pool";
import { prepareNotebook, type PreparedNotebook } from "../../notebook/execute";
import { findNotebooks } from "../../notebook/run";
import { cellSource, readNotebook } from "../../notebook/nbformat";
import { PROJECT_ROOT } from "../../util/project-root";
import { buildReports, type ReportOptions, type ReportResult } from "../build";
import { startPreviewServer, type PreviewServer } from "./server";
import { watchFolders } from "./watch";

/** Changes that arrive this close together are one save. */
const SETTLE_MS = 40;
/** After a build, the time its reloaded pages have to draw before anything else starts. */
const QUIET_AFTER_BUILD_MS = 800;

export interface PreviewOptions extends ReportOptions {
  /** 0: any free port. */
  port: number;
  /** Told what the preview does: builds started and finished, problems. */
  log: (text: string) => void;
}

export interface PreviewEvent {
  /** The notebooks re-run (file paths), empty for a build that stopped before running any. */
  notebooks: string[];
  result: ReportResult | undefined;
  problems: string[];
  /** ms from the build's start to its pages written and the reload sent. */
  buildMs: number;
}

export interface Preview {
  url: string;
  /** Resolves after the build for the next change (or the first build) is done. */
  nextBuild(): Promise<PreviewEvent>;
  close(): Promise<void>;
}

const LIBRARY = path.join(PROJECT_ROOT, "dist");

/** The module the library loads at its first table (data/frame.ts), a third of a short notebook's run. */
const DANFOJS = "danfojs-node";

/** Whether `name` can be imported from `folder`: a warm-up that imports what is not there fails, and its spare with it. */
function resolvable(name: string, folder: string): boolean {
  try {
    require.resolve(name, { paths: [folder] });
    return true;
  } catch {
    return false;
  }
}

/**
 * What a spare kernel runs ahead of need: the modules the notebooks of its folder import, each bound to a name
 * no notebook uses and used once (TypeScript drops an unused import, and the module would not load), and
 * danfojs where the folder can load it. Loading them is most of a short notebook's run; done ahead, a run only
 * uses them. No notebook code runs.
 */
export function importWarmup(notebooks: readonly string[]): string | undefined {
  const modules = new Set<string>();
  for (const file of notebooks) {
    try {
      for (const cell of readNotebook(file).cells) {
        if (cell.cell_type !== "code") continue;
        for (const match of cellSource(cell).matchAll(/^import\s[^;]*?\sfrom\s+("[^"\n]+"|'[^'\n]+')/gm))
          modules.add(match[1]!.slice(1, -1));
      }
    } catch {
      // An unreadable notebook says so when it runs.
    }
  }
  if (modules.size === 0) return undefined;
  if (notebooks[0] !== undefined && resolvable(DANFOJS, path.dirname(path.resolve(notebooks[0])))) modules.add(DANFOJS);
  return [...modules]
    .map((name, index) => `import * as roilabPreviewWarmup${index} from ${JSON.stringify(name)};\nvoid roilabPreviewWarmup${index};`)
    .join("\n");
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const files = findNotebooks(options.paths.length ? options.paths : ["notebooks"]).map((file) => path.resolve(file));
  const notebookFolders = [...new Set(files.map((file) => path.dirname(file)))];
  const pool = new KernelPool({
    // The runner type-checks every notebook before it runs (check-run.ts).
    transpileOnly: true,
    // Replacements boot once a build is over (below), not beside the run that took a spare.
    replaceOnTake: false,
    warmup: (cwd) => importWarmup(files.filter((file) => path.dirname(file) === cwd)),
    onSpareReady: (cwd, ms) => options.log(`spare kernel ready in ${(ms / 1000).toFixed(2)} s for ${cwd}\n`),
  });
  const server: PreviewServer = await startPreviewServer(options.outDir, options.port);
  const problemsByKey = new Map<string, string>();
  const waiting: ((event: PreviewEvent) => void)[] = [];
  let readsByNotebook = new Map<string, string[]>();

  /** The folders each notebook reads; a notebook that cannot be read reads none until it is fixed. */
  const refreshReads = () => {
    readsByNotebook = new Map(
      files.map((file) => {
        try {
          const prepared: PreparedNotebook = prepareNotebook(
            file,
            options.parameters,
            options.dataDir,
            options.optionalParameters,
            options.dataFolderParameters,
          );
          return [file, prepared.dataDirs];
        } catch {
          return [file, []];
        }
      }),
    );
  };

  const build = async (notebooks: string[]): Promise<PreviewEvent> => {
    const started = Date.now();
    let result: ReportResult | undefined;
    options.log(`running ${notebooks.map((file) => path.basename(file)).join(", ")}\n`);
    try {
      result = await buildReports({ ...options, paths: notebooks, kernels: pool });
      problemsByKey.delete("input");
      for (const notebook of result.notebooks) {
        const message = notebook.failures.map((failure) => failure.message).join("\n");
        if (message) problemsByKey.set(notebook.file, message);
        else problemsByKey.delete(notebook.file);
      }
    } catch (error) {
      if (!(error instanceof RoilabError)) throw error;
      // Bad data or an unreadable notebook: nothing ran, the pages stay as they were.
      problemsByKey.set("input", error.message);
    }
    const problems = [...problemsByKey.values()];
    const published = result?.notebooks.some((notebook) => notebook.status === "ok") ?? false;
    server.problems(problems);
    if (published) server.reload();
    const ran = result?.notebooks.filter((notebook) => notebook.status !== "cached") ?? [];
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    for (const notebook of ran)
      options.log(
        `${notebook.status === "ok" ? "published" : "failed"} ${notebook.name}: run ${seconds(notebook.durationMs)}, build with pages ${seconds(Date.now() - started)}\n`,
      );
    for (const problem of problems) options.log(`${problem}\n`);
    return { notebooks, result, problems, buildMs: Date.now() - started };
  };

  // Builds run one at a time; changes seen during a build are gathered for the next.
  let queued = new Set<string>();
  let running: Promise<void> | undefined;
  const schedule = (notebooks: Iterable<string>) => {
    for (const file of notebooks) queued.add(file);
    if (running || queued.size === 0) return;
    const all = [...queued].sort((a, b) => files.indexOf(a) - files.indexOf(b));
    // The notebooks of the open pages first, published as soon as they are done; the rest follow in a build of their own.
    const open = new Set(server.openPages().map((page) => path.basename(page, ".html")));
    const first = all.filter((file) => open.has(path.basename(file, ".ipynb")));
    const batch = first.length ? first : all;
    queued = new Set(all.filter((file) => !batch.includes(file)));
    running = build(batch)
      .then((event) =>
        waiting.splice(0).forEach((resolve) => {
          resolve(event);
        }),
      )
      .catch((error: unknown) => options.log(`preview: ${error instanceof Error ? error.message : String(error)}\n`))
      .finally(async () => {
        // The reloaded pages draw on a quiet machine; then the spares replacing those taken boot, and the next build starts.
        await new Promise((resolve) => setTimeout(resolve, QUIET_AFTER_BUILD_MS));
        for (const dir of notebookFolders) pool.warm(dir);
        running = undefined;
        schedule([]);
      });
  };

  const affected = (changed: readonly string[]): string[] => {
    if (changed.some((file) => file.startsWith(LIBRARY + path.sep))) return files;
    const notebooks = new Set(changed.filter((file) => files.includes(file)));
    const folders = new Set(changed.map((file) => path.dirname(file)));
    refreshReads();
    for (const [file, reads] of readsByNotebook) if (reads.some((dir) => folders.has(dir))) notebooks.add(file);
    return [...notebooks];
  };

  refreshReads();
  const watched = new Map<string, boolean>([[LIBRARY, true]]);
  for (const dir of notebookFolders) watched.set(dir, false);
  for (const reads of readsByNotebook.values()) for (const dir of reads) if (existsSync(dir)) watched.set(dir, watched.get(dir) ?? false);
  const watcher = watchFolders(
    [...watched].filter(([dir]) => existsSync(dir)).map(([dir, recursive]) => ({ dir, recursive })),
    SETTLE_MS,
    (changed) => schedule(affected(changed)),
  );
  for (const dir of notebookFolders) pool.warm(dir);
  schedule(files);

  return {
    url: server.url,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      watcher.close();
      await running;
      await Promise.all([pool.close(), server.close()]);
    },
  };
}
