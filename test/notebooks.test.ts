/** The chapter's notebooks, executed by the runner on the real kernel. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { ROOT, roilab, type CliResult } from "./helpers/cli";
import { chapterReport } from "./helpers/chapter-report";
import { copyOfData } from "./helpers/data-folder";
import { tempFolder } from "./helpers/notebooks";
import type { Cell } from "../src/notebook/nbformat";
import { pageCells } from "../src/notebook/translations";
import { WHATIF_MIME } from "../src/panels/mime";

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string;
}
interface Executed {
  cells: { cell_type: string; outputs?: Output[]; source: string | string[]; metadata: { tags?: string[] } }[];
}

const PLOTLY = "application/vnd.plotly.v1+json";
const chapterOrder = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });
const notebooks = readdirSync(path.join(ROOT, "notebooks"))
  .filter((name) => name.endsWith(".ipynb"))
  .sort(chapterOrder);
const folder = tempFolder("roilab-notebooks-");
afterAll(() => folder.dispose());

function read(out: string, name: string): Executed {
  return JSON.parse(readFileSync(path.join(out, name), "utf8")) as Executed;
}
const outputs = (notebook: Executed) => notebook.cells.flatMap((cell) => cell.outputs ?? []);
const figures = (notebook: Executed) =>
  outputs(notebook).flatMap((output) =>
    output.data?.[PLOTLY]
      ? [output.data[PLOTLY] as { data: { name?: string; x?: unknown[]; y?: unknown[] }[]; layout: { title: { text: string } } }]
      : [],
  );
/** Claude 3.5 Sonnet's bar in 59.1's first figure: its month at the workload. */
const claudeBar = (notebook: Executed) => {
  const trace = figures(notebook)[0]!.data[0]!;
  return (trace.y as number[])[(trace.x as string[]).indexOf("Claude 3.5 Sonnet")];
};
const html = (notebook: Executed) =>
  outputs(notebook)
    .map((output) => String(output.data?.["text/html"] ?? output.data?.["text/markdown"] ?? ""))
    .join("\n");

describe("the chapter notebooks", () => {
  /** The executed notebooks of the chapter's report, shared with other test files: read only. */
  let baseline: string;
  let run: CliResult;
  // Every notebook on real kernels: a generous limit, as a loaded 2-core machine can take minutes for all of them.
  beforeAll(async () => {
    ({ reports: baseline, build: run } = await chapterReport());
  }, 900_000);

  it("all run without error when the report is published, named in chapter order", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(notebooks).toEqual([
      "00-decision.ipynb",
      "59.1-cost-model.ipynb",
      "59.2-price-matrix.ipynb",
      "59.3-break-even.ipynb",
      "59.4-hybrid-routing.ipynb",
      "59.5-case-study.ipynb",
      "59.6-audit.ipynb",
      "59.7-capacity.ipynb",
      "59.8-sensitivity.ipynb",
      "59.9-closing-questions.ipynb",
      "59.10-rent-buy-call.ipynb",
      "59.11-then-and-now.ipynb",
    ]);
  });

  it("give every cell the outputs stock tslab gives it, though roilab checks them first, runs them transpile-only and reuses kernels", async () => {
    // The kernel preload turned off: tslab as it ships, checking each cell itself, one fresh kernel per notebook.
    const out = path.join(folder.dir, "stock-tslab");
    const stock = await roilab(["run", "--out", out, "--jobs", "2"], { env: { ROILAB_KERNEL_PRELOAD: "off" } });
    expect(stock.stderr).toBe("");
    const cells = (notebook: Executed) => notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => cell.outputs);
    for (const name of notebooks) expect(cells(read(baseline, name)), name).toEqual(cells(read(out, name)));
  }, 600_000);

  it("show the chapter's figures, each numbered, as the Plotly MIME type", () => {
    // The decision page (00) numbers its figures D1, D2: it is not a section of the chapter.
    const titles = notebooks
      .filter((name) => name.startsWith("59."))
      .flatMap((name) => figures(read(baseline, name)).map((figure) => figure.layout.title.text));
    const numbers = new Set(titles.map((title) => /^Figure (59\.\d+[a-z]?) — /.exec(title)?.[1]));
    expect([...numbers].map(String).sort(chapterOrder)).toEqual([
      "59.1a",
      "59.1b",
      "59.1c",
      "59.2a",
      "59.2b",
      "59.2c",
      "59.2d",
      "59.3a",
      "59.3b",
      "59.3c",
      "59.4a",
      "59.4b",
      "59.4c",
      "59.5a",
      "59.5b",
      "59.6a",
      "59.6b",
      "59.6c",
      "59.7a",
      "59.7b",
      "59.7c",
      "59.8a",
      "59.8b",
      "59.8c",
      "59.8d",
      "59.9a",
      "59.9b",
      "59.9c",
      "59.9d",
      "59.9e",
      "59.10a",
      "59.10b",
      "59.10c",
      "59.10d",
      "59.11a",
      "59.11b",
    ]);
  });

  it("follow the workload they are given: run on a second one, each page names it and no figure that prices a workload still shows the first", async () => {
    // A second workload beside the chapter's: 2,500 calls a day, 6,000 input and 900 output tokens.
    const copy = copyOfData({
      "workloads.csv": (text) => `${text}second,6000,900,2500,30,"a second workload every notebook must follow"\n`,
    });
    try {
      const declaring = notebooks.filter((name) =>
        readFileSync(path.join(ROOT, "notebooks", name), "utf8").includes("const workloadId = "),
      );
      // The audit (59.6) checks the chapter's own figures and 59.11 compares editions at the chapter's workload; the
      // decision page takes decisionWorkloadId, as an edition's default workload for a decision differs from its chapter workload.
      expect(declaring).toEqual(
        notebooks.filter((name) => !["00-decision.ipynb", "59.6-audit.ipynb", "59.11-then-and-now.ipynb"].includes(name)),
      );
      const second = path.join(folder.dir, "second-workload");
      const result = await roilab([
        "run",
        ...declaring.map((name) => `notebooks/${name}`),
        "--out",
        second,
        "--data",
        copy.dir,
        "-p",
        "workloadId=second",
        "--jobs",
        "2",
      ]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      // Figures that price no workload: what-ifs that set every field they use, the benchmarks, the A/B test's own traffic.
      const independent = ["59.1c", "59.2c", "59.9d", "59.9e"];
      for (const name of declaring) {
        const [before, after] = [read(baseline, name), read(second, name)];
        expect(html(after), name).toContain(
          "**Workload `second`** (workloads.csv): 6,000 input and 900 output tokens a call; 2,500 calls a day on 30 days a month.",
        );
        expect(html(after), name).not.toContain("Workload `typical`");
        const unchanged = figures(after)
          .filter((figure, index) => JSON.stringify(figure.data) === JSON.stringify(figures(before)[index]?.data))
          .map((figure) => /^Figure (59\.\d+[a-z])/.exec(figure.layout.title.text)?.[1]);
        expect(
          unchanged.filter((number) => !independent.includes(String(number))),
          name,
        ).toEqual([]);
        // Every what-if panel the page offers starts from the second workload too.
        const panels = (notebook: Executed) =>
          outputs(notebook).flatMap((output) => (output.data?.[WHATIF_MIME] ? [JSON.stringify(output.data[WHATIF_MIME])] : []));
        panels(after).forEach((panel, index) => {
          expect(panel, `${name} panel ${index + 1}`).not.toBe(panels(before)[index]);
        });
      }
    } finally {
      copy.dispose();
    }
  }, 900_000);

  it("show money in the currency they are given: --currency CNY moves every amount at the data's rate and no volume in calls", async () => {
    const yuan = path.join(folder.dir, "yuan");
    const names = ["59.1-cost-model.ipynb", "59.3-break-even.ipynb"];
    const result = await roilab(["run", ...names.map((name) => `notebooks/${name}`), "--out", yuan, "--currency", "CNY", "--jobs", "2"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [costBefore, costAfter] = [read(baseline, names[0]!), read(yuan, names[0]!)];
    const bar = claudeBar;
    // The chapter's $1,395 a month at the chapter's own rate of 7.00: ¥9,765.
    expect(bar(costBefore)).toBeCloseTo(1395, 2);
    expect(bar(costAfter)).toBeCloseTo(9765, 2);
    expect(html(costAfter)).toContain("CN¥9,765.00");
    expect(html(costAfter)).toContain("Money in CNY at 7 CNY to the US dollar as of 2025-09-01");
    expect(JSON.stringify(figures(costAfter)[0]!.layout)).toContain("CNY");
    // Break-evens are calls: the same in any currency, as the heatmap prints them.
    const heat = (notebook: Executed) => (figures(notebook)[1]!.data[0] as { text: string[][] }).text;
    expect(heat(read(yuan, names[1]!))).toEqual(heat(read(baseline, names[1]!)));
    expect(html(read(yuan, names[1]!))).not.toMatch(/\$\d/);
  }, 900_000);

  it("end with a marked what-if cell that recomputes a result and a figure", () => {
    for (const name of notebooks) {
      // As the English page reads it: without the translations that follow each English markdown cell.
      const cells = pageCells(read(baseline, name).cells as Cell[], "en").cells.map((shown) => shown.cell) as Executed["cells"];
      const last = cells.at(-1)!;
      const howTo = cells.at(-2)!;
      const heading = cells.at(-3)!;
      expect([heading.source].flat().join(""), name).toMatch(/^## What-if\n/);
      // The invitation to edit the cell is prose about code: a --no-input page leaves it out.
      expect(howTo.metadata.tags, name).toContain("only-with-code");
      expect([howTo.source].flat().join(""), name).toMatch(/next cell and re-run it/);
      expect([last.source].flat().join(""), name).toMatch(/^\/\/ What-if inputs/);
      expect(
        last.outputs?.some((output) => output.data?.[PLOTLY]),
        name,
      ).toBe(true);
    }
  });

  it("follow a price change in a copy of data/: Claude's output at $18/M moves its tables and figures, and its cache and batch prices bill cached and batched calls", async () => {
    // The cache-read ($0.30) and batch ($1.50 / $7.50) prices move nothing else: the chapter's workload neither caches nor batches.
    const copy = copyOfData({ "models.csv": (text) => text.replace("Anthropic,3.00,15.00,,,,", "Anthropic,3.00,18.00,0.30,1.50,7.50,") });
    try {
      const changed = path.join(folder.dir, "changed");
      const result = await roilab([
        "run",
        "notebooks/59.1-cost-model.ipynb",
        "notebooks/59.3-break-even.ipynb",
        "--data",
        copy.dir,
        "--out",
        changed,
        "--jobs",
        "2",
      ]);
      expect(result.code).toBe(0);

      const before = read(baseline, "59.1-cost-model.ipynb");
      const after = read(changed, "59.1-cost-model.ipynb");
      expect(html(before)).toContain("$1,395.00");
      expect(html(after)).toContain("$1,530.00");
      const bar = claudeBar;
      expect(bar(before)).toBeCloseTo(1395, 2);
      expect(bar(after)).toBeCloseTo(1530, 2);
      // Half the input from the cache, every call batched, the cache reads at the batch discount too:
      // (4,000 × $1.50 + 1,500 × $7.50 + 4,000 × $0.15) / 1M = $0.01785, $535.50 a month.
      expect(html(after)).toContain(
        "brings a call to Claude 3.5 Sonnet from **$0.0510** to **$0.0179**, **$535.50** a month instead of $1,530.00.",
      );

      const scenarios = (notebook: Executed) =>
        html(notebook)
          .split("\n")
          .find((line) => line.includes("A100 80GB (Hermes 3 70B) vs Claude")) ?? "";
      expect(scenarios(read(baseline, "59.3-break-even.ipynb"))).toContain(">3,109<");
      expect(scenarios(read(changed, "59.3-break-even.ipynb"))).toContain(">2,834<");
      const heatText = (notebook: Executed) => (figures(notebook)[1]!.data[0] as { text: string[][] }).text[0]![0];
      expect(heatText(read(changed, "59.3-break-even.ipynb"))).toBe("2,834/day");
    } finally {
      copy.dispose();
    }
  });

  it("bill one model's call with and without caching and batching in 59.1, naming the prices the data lacks for it", () => {
    const cost = html(read(baseline, "59.1-cost-model.ipynb"));
    expect(cost).toContain("A call to Claude 3.5 Sonnet costs **$0.0465** however it is sent");
    expect(cost).toContain("Cached input billed at the plain input price (no cache-read price listed): Claude 3.5 Sonnet.");
    expect(cost).toContain("Claude 3.5 Sonnet: one call of the workload, billed four ways");
  });

  it("state the servers the case study needs and what they cost, and name the input that moves the A100 vs Claude break-even most", () => {
    const capacity = html(read(baseline, "59.7-capacity.ipynb"));
    expect(capacity).toContain(
      "the case study needs **11 servers** like its 2× RTX 4090 on its office-hours profile (**5** even if calls were spread evenly over 24 hours)",
    );
    expect(capacity).toContain("All-local then costs **$5,376.67** a month instead of $693.33");
    // Hybrid: 5 x (12,000/36 + 60) + 300 x 2 + 60% of 77,500 calls x $0.00855 (Hermes 4: 8,000 + 1,500 tokens at $0.90/M)
    // = 1,966.67 + 600 + 397.575; one server, as the chapter counts it: 693.33 + 397.575.
    expect(capacity).toContain("**$2,964.24** with 5 servers instead of $1,090.91");
    // 77,500 x $0.00855.
    expect(capacity).toContain("All-cloud stays at $662.63.");
    expect(capacity).toContain(
      "All-local stays within the $5,000 budget only while each added server adds less than **12.4%** of the first server's operations",
    );
    const caseStudy = html(read(baseline, "59.5-case-study.ipynb"));
    expect(caseStudy).toContain("the cheapest compliant option within budget is **hybrid** at **$2,964.24** a month, not all local");
    expect(caseStudy).toContain("all local $15,680 with 33 servers, hybrid $7,480 with 13 servers");
    expect(caseStudy).toContain(
      "One server is not enough: one 2x RTX 4090 server carries about 278 calls a day on the office-hours profile.",
    );
    const sensitivity = html(read(baseline, "59.8-sensitivity.ipynb"));
    expect(sensitivity).toContain(
      "moves most with the **ops share of an engineer** over the range the data gives it (0.1–0.6 FTE): **2,392–5,976 calls a day**",
    );
    expect(sensitivity).toContain("Moved by the same ±20% instead, the depreciation period would lead");
    const questions = html(read(baseline, "59.9-closing-questions.ipynb"));
    expect(questions).toContain("only **Q4_K_M** fits");
    expect(questions).toContain("**2,676 calls per arm**");
    const thenAndNow = html(read(baseline, "59.11-then-and-now.ipynb"));
    expect(thenAndNow).toContain(
      "in 2025-09 scenario 1 breaks even at 3,109 calls a day (4x A100 80GB (Hermes 3 70B) vs Claude 3.5 Sonnet)",
    );
    // Tiers come from the scores: the chapter's cheapest top-scored API is Hermes 4 70B on Together AI.
    expect(thenAndNow).toMatch(/<td[^>]*>top<\/td><td[^>]*>Hermes 4 70B \(Together AI\)<\/td><td[^>]*>\$256\.50<\/td>/);
  });

  it("follow the parameters: a 10% swing and another seed change the sensitivity notebook's numbers", async () => {
    const out = path.join(folder.dir, "swing");
    const result = await roilab(["run", "notebooks/59.8-sensitivity.ipynb", "--out", out, "-p", "swing=0.1", "-p", "seed=7"]);
    expect(result.code).toBe(0);
    const text = html(read(out, "59.8-sensitivity.ipynb"));
    expect(text).toContain("Moved by the same ±10% instead");
    expect(text).toContain("(seed 7)");
  });
});
