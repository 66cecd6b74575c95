/**
 * roilab preview as an analyst uses it: a real kernel runs a notebook copied to a temp folder, Debian's
 * Chromium keeps its page open, and each save (a price, the notebook, a broken cell, bad data) shows up on
 * that page by itself. Then SIGTERM leaves no kernel behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT } from "../../helpers/cli";
import { DATA_DIR } from "../../helpers/data-folder";
import { importWarmup } from "../../../src/report/preview/preview";
import { kernelsOf, tempFolder, writeNotebook, type FixtureCell } from "../../helpers/notebooks";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OVERLAY = "#roilab-preview-problems";
/** Generous: a kernel boots and loads the library on a small, shared machine. No test measures time. */
const WAIT_MS = 240_000;

const folder = tempFolder("roilab-preview-");
const notebooks = path.join(folder.dir, "notebooks");
const data = path.join(folder.dir, "data");
const models = path.join(data, "models.csv");

const cells = (heading: string, extra: FixtureCell[] = []): FixtureCell[] => [
  { code: `const dataDir = "../data";`, tags: ["parameters"] },
  { markdown: `# ${heading}` },
  [
    `import { loadDataset, displayMarkdown } from ${JSON.stringify(ROOT)};`,
    `const sonnet = loadDataset(dataDir).models.find((model) => model.modelId === "claude-3-5-sonnet");`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a notebook cell's source
    "displayMarkdown(`Sonnet input price: ${sonnet?.inputUsdPerMTok.toFixed(2)}`);",
  ].join("\n"),
  ...extra,
];

const setPrice = (price: string) =>
  writeFileSync(models, readFileSync(models, "utf8").replace(/^(claude-3-5-sonnet,[^,]*,[^,]*,)[^,]*,/m, `$1${price},`));

let preview: ChildProcess;
let exit: Promise<number | null>;
let url = "";
let browser: Browser;
let page: Page;
/** What the preview says it does (its stderr). */
let log = "";

const bodyShows = (text: string) =>
  page.waitForFunction((wanted) => document.body.textContent.includes(wanted), text, { timeout: WAIT_MS });
const overlayText = async () => (await page.waitForSelector(OVERLAY, { timeout: WAIT_MS })).textContent();

beforeAll(async () => {
  cpSync(DATA_DIR, data, { recursive: true });
  mkdirSync(notebooks);
  writeNotebook(notebooks, "price.ipynb", cells("Price check"));
  // A second page that reads the same prices, never opened.
  writeNotebook(notebooks, "other.ipynb", cells("Other page"));
  preview = spawn(
    process.execPath,
    [path.join(ROOT, "dist/bin.js"), "preview", notebooks, "--port", "0", "--out", path.join(folder.dir, "out")],
    { cwd: folder.dir },
  );
  exit = new Promise((resolve) => preview.on("exit", (code) => resolve(code)));
  preview.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    let text = "";
    preview.stdout?.on("data", (chunk: Buffer) => {
      text += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
      if (found) resolve(found[0]);
    });
    preview.on("exit", (code) => reject(new Error(`preview exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
  page = await browser.newPage();
  await page.goto(`${url}price.html`);
}, WAIT_MS);

afterAll(async () => {
  await browser?.close();
  if (preview && preview.exitCode === null) preview.kill("SIGKILL");
  folder.dispose();
});

describe("roilab preview", () => {
  it("serves on the loopback address only", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it(
    "shows the page once the first run is published",
    async () => {
      await bodyShows("Sonnet input price: 3.00");
    },
    WAIT_MS,
  );

  it("numbers the cells from 1 although the spare kernel ran a warm-up first", () => {
    const executed = JSON.parse(readFileSync(path.join(folder.dir, "out", "price.ipynb"), "utf8")) as {
      cells: { cell_type: string; execution_count?: number }[];
    };
    expect(executed.cells.filter((cell) => cell.cell_type === "code").map((cell) => cell.execution_count)).toEqual([1, 2]);
  });

  it(
    "reloads the open page with a price saved in models.csv",
    async () => {
      setPrice("4.25");
      await bodyShows("Sonnet input price: 4.25");
    },
    WAIT_MS,
  );

  it(
    "runs the open page's notebook first and publishes it before the other notebook the change concerns",
    async () => {
      const from = log.length;
      setPrice("4.50");
      await bodyShows("Sonnet input price: 4.50");
      const runs = () =>
        log
          .slice(from)
          .split("\n")
          .filter((line) => line.startsWith("running "));
      for (let waited = 0; runs().length < 2 && waited < WAIT_MS; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs()).toEqual(["running price.ipynb", "running other.ipynb"]);
      // Back to the price the next tests read.
      setPrice("4.25");
      await bodyShows("Sonnet input price: 4.25");
    },
    WAIT_MS,
  );

  it(
    "reloads the open page with an edited notebook's new markdown",
    async () => {
      writeNotebook(notebooks, "price.ipynb", cells("Price check, edited"));
      await bodyShows("Price check, edited");
    },
    WAIT_MS,
  );

  it(
    "lays a failing cell, named with its notebook and number, over the last good page",
    async () => {
      writeNotebook(notebooks, "price.ipynb", cells("Price check, edited", [`throw new Error("boom");`]));
      const text = await overlayText();
      expect(text).toContain("price.ipynb, cell 4");
      expect(text).toContain("boom");
      expect(await page.textContent("main")).toContain("Sonnet input price: 4.25");
    },
    WAIT_MS,
  );

  it(
    "clears the overlay when the cell is fixed",
    async () => {
      writeNotebook(notebooks, "price.ipynb", cells("Price check, fixed"));
      await bodyShows("Price check, fixed");
      await page.waitForSelector(OVERLAY, { state: "detached", timeout: WAIT_MS });
    },
    WAIT_MS,
  );

  it(
    "lays bad data's file:line:column over the page",
    async () => {
      setPrice("abc");
      const text = await overlayText();
      expect(text).toMatch(/models\.csv:6:4 - input_usd_per_mtok must be a non-negative number, got "abc"/);
      expect(await page.textContent("main")).toContain("Sonnet input price: 4.25");
    },
    WAIT_MS,
  );

  it(
    "stops on SIGTERM with exit 143 and leaves no kernel running",
    async () => {
      const pid = preview.pid as number;
      preview.kill("SIGTERM");
      expect(await exit).toBe(143);
      expect(kernelsOf(pid)).toEqual([]);
    },
    WAIT_MS,
  );
});

describe("importWarmup", () => {
  it("imports each module the notebooks import, once, and uses it so that it loads", () => {
    const scratch = tempFolder("roilab-warmup-");
    try {
      const a = writeNotebook(scratch.dir, "a.ipynb", [
        `import { loadDataset } from "..";\nconst x = 1;`,
        { markdown: `import { no } from "markdown";` },
      ]);
      const b = writeNotebook(scratch.dir, "b.ipynb", [`import {\n  displayTable,\n} from "..";`, `import * as fs from 'fs';`]);
      expect(importWarmup([a, b])).toBe(
        `import * as roilabPreviewWarmup0 from "..";\nvoid roilabPreviewWarmup0;\nimport * as roilabPreviewWarmup1 from "fs";\nvoid roilabPreviewWarmup1;`,
      );
      // Beside the project's own notebooks, where danfojs can be loaded, it is loaded ahead too.
      expect(importWarmup([path.join(ROOT, "notebooks", "59.1-cost-model.ipynb")])).toBe(
        `import * as roilabPreviewWarmup0 from "..";\nvoid roilabPreviewWarmup0;\nimport * as roilabPreviewWarmup1 from "danfojs-node";\nvoid roilabPreviewWarmup1;`,
      );
      expect(importWarmup([writeNotebook(scratch.dir, "c.ipynb", ["const y = 2;"])])).toBeUndefined();
    } finally {
      scratch.dispose();
    }
  });
});
