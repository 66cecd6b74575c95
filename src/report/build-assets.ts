#!/usr/bin/env node
/**
 * Builds the browser assets every report shares into dist/assets (run by `npm run build`): a Plotly bundle
 * of only the trace types roilab draws (and the complete one, minified, for other notebooks), the page's stylesheet,
 * and the page's script: drawing, downloads, print and the what-if panels bundled from roilab's own model and chart code. Reports copy them; nothing is fetched at view time.
 */
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "report", "browser");
export const ASSETS_DIR = path.join(ROOT, "dist", "assets");

async function main(): Promise<void> {
  mkdirSync(ASSETS_DIR, { recursive: true });
  const common = { bundle: true, minify: true, format: "iife", legalComments: "none", logLevel: "warning", target: "es2019" } as const;
  await build({
    ...common,
    entryPoints: [path.join(SOURCE, "plotly-bundle.js")],
    globalName: "Plotly",
    define: { global: "window" },
    outfile: path.join(ASSETS_DIR, "plotly.min.js"),
  });
  // The complete Plotly, for notebooks that draw trace types the slim build leaves out.
  await build({
    ...common,
    entryPoints: [require.resolve("plotly.js-dist")],
    globalName: "Plotly",
    define: { global: "window" },
    outfile: path.join(ASSETS_DIR, "plotly-full.min.js"),
  });
  // The page's own script, one bundle from one entry: its modules share nothing through globals, only Plotly's is read.
  await build({ ...common, entryPoints: [path.join(SOURCE, "page.ts")], outfile: path.join(ASSETS_DIR, "report.js") });
  copyFileSync(path.join(SOURCE, "report.css"), path.join(ASSETS_DIR, "report.css"));
}

main().catch((error: unknown) => {
  process.stderr.write(`building report assets failed: ${String(error)}\n`);
  process.exit(1);
});
