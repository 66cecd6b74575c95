/**
 * A table's "Download table (CSV)" in Chromium, with the page's script built from its entry as `npm run build`
 * builds it: a model named as a spreadsheet formula reaches the file as text, not as a live formula.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { escapeHtml } from "../../../src/util/html";
import { launchChromium } from "../../helpers/browser";

const HOSTILE = [`=HYPERLINK("http://example.org","x")`, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"];
let browser: Browser;
let script = "";

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [path.resolve(__dirname, "../../../src/report/browser/page.ts")],
    bundle: true,
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  script = bundled.outputFiles[0]!.text;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("a table's CSV download", () => {
  it("keeps no cell a spreadsheet would run, and numbers as numbers", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const rows = HOSTILE.map((model, index) => `<tr><td>${escapeHtml(model)}</td><td data-value="${-index - 0.5}">x</td></tr>`).join("");
    await page.setContent(
      `<main class="report"><div class="output-html"><table class="roilab-table"><tr><th>model</th><th>usd</th></tr>${rows}</table></div></main><script>${script}</script>`,
    );
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("button[data-table]").click()]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.split("\r\n").slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://example.org"",""x"")",-0.5`,
      `'+cmd|' /C calc'!A0,-1.5`,
      `'@SUM(1+1),-2.5`,
      `'-2+3,-3.5`,
    ]);
    await page.close();
  });
});
