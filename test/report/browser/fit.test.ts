import { describe, expect, it } from "vitest";
import { END_LABEL as CHARTS_END_LABEL, SERIES_PALETTE, themedFigure, type Trace } from "../../../src/charts";
import { END_LABEL, fitFigure, wrapWords } from "../../../src/report/browser/fit";

type Layout = {
  margin: { t: number; l: number; b: number };
  title: { text: string };
  annotations: { text: string; y?: number; yref?: string }[];
  yaxis: { showticklabels?: boolean };
  xaxis: { tickangle?: number };
  bargap?: number;
};
const source = { text: "Source: data/models.csv, data/hardware.csv, prices as of 2025-09-01. roilab", xref: "paper", yref: "paper" };

describe("figures on a narrow screen", () => {
  it("wraps words into lines no longer than asked, a long word on its own line", () => {
    expect(wrapWords("Servers needed: 2x RTX 4090 server (case study), by traffic profile", 30)).toEqual([
      "Servers needed: 2x RTX 4090",
      "server (case study), by",
      "traffic profile",
    ]);
    expect(wrapWords("a supercalifragilistic b", 5)).toEqual(["a", "supercalifragilistic", "b"]);
  });

  it("wraps Chinese, which has no spaces, after its punctuation, counting each character as two letters", () => {
    expect(wrapWords("模型与量化格式 虚线：各配置的显存扣除 5% 预留，每张 GPU 1 GiB 运行时开销", 30)).toEqual([
      "模型与量化格式 虚线：",
      "各配置的显存扣除 5% 预留，每张",
      "GPU 1 GiB 运行时开销",
    ]);
  });

  it("breaks a Chinese run wider than a line between its characters, its punctuation kept with the character before it", () => {
    expect(wrapWords("将鼠标悬停在圆环上可查看名称", 10)).toEqual(["将鼠标悬停", "在圆环上可", "查看名称"]);
    expect(wrapWords("没有星级评分：将鼠标悬停（环）", 8)).toEqual(["没有星级", "评分：将", "鼠标悬停", "（环）"]);
    // Latin runs inside it (a name, a number) stay whole.
    expect(wrapWords("一共有GPU卡和H20服务器", 8)).toEqual(["一共有", "GPU卡和", "H20服务", "器"]);
  });

  it("puts the number on its own line, wraps the rest to the width, and makes room above the plot for each extra line", () => {
    const figure = {
      data: [],
      layout: {
        title: { text: "Figure 59.7a — Servers needed: 2x RTX 4090 server (case study), by traffic profile" },
        annotations: [source],
      },
    };
    const narrow = fitFigure(figure, 390);
    const lines = (narrow.layout.title?.text ?? "").split("<br>");
    expect(lines[0]).toBe("Figure 59.7a");
    expect(lines.slice(1).every((line) => line.length <= Math.floor((390 - 24) / 7))).toBe(true);
    expect(lines.slice(1).join(" ")).toBe("Servers needed: 2x RTX 4090 server (case study), by traffic profile");
    const shorter = fitFigure({ ...figure, layout: { ...figure.layout, title: { text: "Figure 59.7a — Servers" } } }, 390);
    expect((narrow.layout as unknown as Layout).margin.t - (shorter.layout as unknown as Layout).margin.t).toBe(17 * (lines.length - 2));
    expect(fitFigure(figure, 1280)).toBe(figure);
  });

  it("leaves the title to the page when the page prints it, and gives its band back to the plot", () => {
    const figure = {
      data: [],
      layout: { title: { text: "Figure 59.3a — Break-even" }, margin: { l: 70, r: 30, t: 60, b: 90 }, annotations: [source] },
    };
    const wide = fitFigure(figure, 1280, { titleInPage: true }).layout as unknown as Layout;
    expect(wide.title.text).toBe("");
    expect(wide.margin.t).toBe(30);
    const narrow = fitFigure(figure, 390, { titleInPage: true }).layout as unknown as Layout;
    expect(narrow.title.text).toBe("");
    // The source line is broken at its commas to fit from the plot's left edge (58 px) to the figure's right edge.
    const lines = narrow.annotations.at(-1)?.text.split("<br>") ?? [];
    expect(lines).toEqual(["Source: data/models.csv, data/hardware.csv,", "prices as of 2025-09-01. roilab"]);
    expect(lines.every((line) => line.length * 5 <= 390 - 24 - 58)).toBe(true);
    expect(narrow.margin.t).toBe(8 + 2 * 12 + 10);
    // On a wide screen a source line longer than the plot is wide goes on as many lines as it needs.
    const long = {
      ...figure,
      layout: {
        ...figure.layout,
        annotations: [
          {
            ...source,
            text: `Source: ${Array.from({ length: 12 }, (_, index) => `data/file-${index}.csv`).join(", ")}, prices as of 2025-09-01. roilab`,
          },
        ],
      },
    };
    const wrapped = fitFigure(long, 1280, { titleInPage: true }).layout as unknown as Layout;
    const wideLines = wrapped.annotations.at(-1)?.text.split("<br>") ?? [];
    expect(wideLines.length).toBe(2);
    expect(wrapped.margin.t).toBe(30 + 16);
    // Labels at the ends of lines come after the source line among the annotations: it is still the one wrapped.
    const labelled = {
      ...long,
      layout: { ...long.layout, annotations: [...long.layout.annotations, { text: "bought", xref: "x", yref: "y" }] },
    };
    const stillWrapped = fitFigure(labelled, 1280, { titleInPage: true }).layout as unknown as Layout;
    expect(stillWrapped.annotations[0]?.text.split("<br>")).toEqual(wideLines);
    expect(stillWrapped.annotations[1]?.text).toBe("bought");
  });

  it("labels horizontal bars above each bar on a phone, in the gap the bars leave, with the tick labels gone", () => {
    const categories = [
      "Ops share of an engineer (0.1–0.6 FTE)",
      "Input tokens per call (5,600–12,000 tokens)",
      "a label far too long to fit on one line of a phone screen at ten pixels a character",
    ];
    const figure = {
      data: [{ type: "bar", orientation: "h", y: categories, x: [1, 2, 3] }],
      layout: { title: { text: "Figure 59.8a — Tornado" }, yaxis: { type: "category" }, annotations: [source] },
    };
    const layout = fitFigure(figure, 390).layout as unknown as Layout;
    expect(layout.yaxis.showticklabels).toBe(false);
    expect(layout.margin.l).toBe(10);
    expect(layout.bargap).toBe(0.5);
    const labels = layout.annotations.filter((annotation) => annotation.yref === "y");
    expect(labels.map((label) => label.y)).toEqual([0.25, 1.25, 2.25]);
    expect(labels.map((label) => label.text).slice(0, 2)).toEqual(categories.slice(0, 2));
    expect(labels[2]?.text.endsWith("…")).toBe(true);
    expect(layout.annotations.at(-1)?.text.startsWith("Source:")).toBe(true);
    // Wide screens keep the labels beside the bars.
    expect(fitFigure(figure, 1280)).toBe(figure);
  });

  it("gives every labelled bar a row of 32 px on a phone, so a label never lies on the bar above: 40 bars drawn 650 px tall for a desktop become 1,480 px", () => {
    const categories = Array.from({ length: 40 }, (_, index) => `Option number ${index + 1} with a long name`);
    const figure = {
      data: [{ type: "bar", orientation: "h", y: categories, x: categories.map((_, index) => index + 1) }],
      layout: { height: 650, yaxis: { type: "category" }, annotations: [source] },
    };
    expect((fitFigure(figure, 390).layout as unknown as { height: number }).height).toBe(40 * 32 + 200);
    // A few bars keep the height they had.
    const few = { ...figure, data: [{ ...figure.data[0]!, y: categories.slice(0, 3), x: [1, 2, 3] }] };
    expect((fitFigure(few, 390).layout as unknown as { height: number }).height).toBe(650);
  });

  it("leaves heatmap values to hover when a phone's cells are too small for them, and says so under the source", () => {
    const text = [
      ["$12,825", "$128"],
      ["$6", "$57"],
    ];
    const figure = {
      data: [
        {
          type: "heatmap",
          x: ["100/day", "500/day", "1,000/day", "5,000/day", "10,000/day", "50,000/day"],
          y: ["Hermes 4 70B (Together AI)", "GPT-4o"],
          z: [
            [1, 2],
            [3, 4],
          ],
          text,
          texttemplate: "%{text}",
        },
      ],
      layout: { title: { text: "Figure 59.2a — Cost matrix" }, annotations: [source] },
    };
    const narrow = fitFigure(figure, 390);
    expect((narrow.data[0] as { texttemplate: string }).texttemplate).toBe("");
    // The note under the source, on as many lines as the figure's width allows.
    expect((narrow.layout as unknown as Layout).annotations.at(-1)?.text.replace(/<br>/g, " ")).toMatch(
      /Tap or point at a cell for its value\.$/,
    );
    const roomy = fitFigure({ ...figure, data: [{ ...figure.data[0]!, x: ["a", "b"], text: [["$6", "$5"]] }] }, 390);
    expect((roomy.data[0] as { texttemplate: string }).texttemplate).toBe("%{text}");
  });

  it("shortens a heatmap's Chinese row labels by their drawn width, a character as wide as two letters", () => {
    const rows = ["4x 8x H20 96GB，租用（UCloud 优刻得）", "RTX 4090"];
    const figure = {
      data: [{ type: "heatmap", x: ["a", "b"], y: rows, z: [[1, 2]] }],
      layout: { title: { text: "图 59.10c — 盈亏平衡点" }, annotations: [source] },
    };
    const { ticktext } = (fitFigure(figure, 390).layout as unknown as { yaxis: { ticktext: string[] } }).yaxis;
    expect(ticktext).toEqual(["4x 8x H20 96GB，租用（U…", "RTX 4090"]);
  });

  it("stands category labels upright when they are wider than their bar, with the bottom margin sized for them", () => {
    const x = [
      "All cloud",
      "All local<br>1 server (chapter)",
      "All local<br>11 servers needed",
      "Hybrid<br>1 server (chapter)",
      "Hybrid<br>5 servers needed",
    ];
    const figure = {
      data: [
        { type: "bar", name: "Local", x, y: [1, 2, 3, 4, 5] },
        { type: "bar", name: "Cloud", x, y: [1, 2, 3, 4, 5] },
      ],
      layout: {
        title: { text: "Figure 59.5a — Case study" },
        xaxis: { type: "category", title: { text: "Option" } },
        annotations: [source],
      },
    };
    const layout = fitFigure(figure, 390).layout as unknown as Layout;
    expect(layout.xaxis.tickangle).toBe(90);
    expect(layout.margin.b).toBeGreaterThan("1 server (chapter)".length * 5.6);
  });

  it("leaves crowded point labels to hover on a phone and says so, but keeps a few", () => {
    const point = (index: number) => ({ text: `${index},000/day`, x: index, xref: "x", y: index, yref: "y", showarrow: true });
    const crowded = {
      data: [{ type: "scatter", mode: "markers", x: [1], y: [1] }],
      layout: {
        title: { text: "Figure 59.3a — Break-even" },
        annotations: [...Array.from({ length: 7 }, (_, index) => point(index)), source],
      },
    };
    const narrow = fitFigure(crowded, 390).layout as unknown as Layout;
    expect(narrow.annotations.filter((annotation) => annotation.yref === "y")).toEqual([]);
    expect(narrow.annotations.at(-1)?.text).toMatch(/Tap or point at a marked point for its value\.$/);
    const few = fitFigure({ ...crowded, layout: { ...crowded.layout, annotations: [point(1), point(2), source] } }, 390)
      .layout as unknown as Layout;
    expect(few.annotations.filter((annotation) => annotation.yref === "y")).toHaveLength(2);
  });

  it("moves the labels at the ends of lines inside the plot on a phone, ending at their lines, and drops them where there are too many", () => {
    expect(END_LABEL).toBe(CHARTS_END_LABEL);
    const lines = (count: number): Trace[] =>
      Array.from({ length: count }, (_, index) => ({
        type: "scatter",
        mode: "lines",
        name: `API ${index + 1}`,
        x: [0, 10_000],
        y: [0, 1000 * (index + 1)],
        line: { color: SERIES_PALETTE[index] },
        hovertemplate: "%{y:$,.0f}",
      }));
    const figure = (count: number) =>
      themedFigure(lines(count), {
        number: "59.1b",
        title: "Cost",
        provenance: { files: ["models.csv"] },
        yaxis: { title: "USD a month" },
      });
    const ends = (fitted: { layout: { annotations?: Record<string, unknown>[] } }) =>
      (fitted.layout.annotations ?? []).filter((annotation) => annotation.name === END_LABEL);
    // On a desktop they stand right of the plot, and the right margin holds them.
    const wide = figure(3);
    expect(ends(wide).map((annotation) => [annotation.xanchor, Number(annotation.ax) > 0])).toEqual(Array(3).fill(["left", true]));
    expect((wide.layout.margin as { r: number }).r).toBeGreaterThan(30);
    const narrow = fitFigure(wide, 390);
    expect(ends(narrow).map((annotation) => [annotation.xanchor, Number(annotation.ax) < 0, annotation.text])).toEqual([
      ["right", true, "API 1"],
      ["right", true, "API 2"],
      ["right", true, "API 3"],
    ]);
    // The labels name every line, so the legend goes; where a phone drops them, the legend names the lines again.
    expect(wide.layout.showlegend).toBe(false);
    expect(ends(fitFigure(figure(5), 390))).toEqual([]);
    // Beside a label on the data (a break-even, a marked volume) they go too.
    const marked = figure(2);
    marked.layout.annotations = [{ text: "3,627/day", x: 5000, xref: "x", y: 1000, yref: "y" }, ...(marked.layout.annotations ?? [])];
    expect(ends(fitFigure(marked, 390))).toEqual([]);
    expect(ends(fitFigure(figure(2), 390))).toHaveLength(2);
    expect(fitFigure(figure(5), 390).layout.showlegend).toBeUndefined();
    expect(ends(fitFigure(figure(5), 1280))).toHaveLength(5);
    // Sixteen lines' legend on a phone: the figure grows, so the plot keeps its height.
    const long = fitFigure(figure(16), 390).layout as unknown as { height?: number; margin: { t: number; b: number } };
    expect((long.height ?? 560) - long.margin.t - long.margin.b).toBeGreaterThanOrEqual(260);
  });
});

describe("room for what a figure shows", () => {
  const lines = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      type: "scatter",
      mode: "lines",
      name: `Model number ${index + 1} (a host)`,
      x: [1],
      y: [1],
    }));
  type Fitted = {
    height?: number;
    margin: { t: number; b: number };
    legend: { yref?: string; maxheight?: number };
    annotations: { text: string; textangle?: number }[];
  };

  it("grows a phone's figure so a legend of 40 names sits whole below a plot of at least 240 px, never scrolled", () => {
    const figure = { data: lines(40), layout: { title: { text: "Figure 59.1b — Cost" }, annotations: [source] } };
    const layout = fitFigure(figure, 390).layout as unknown as Fitted;
    // 40 names a row each, 19 px a row.
    expect(layout.margin.b).toBeGreaterThan(40 * 19);
    expect(layout.legend.maxheight).toBeGreaterThan(40 * 19);
    expect(layout.height).toBeGreaterThanOrEqual(layout.margin.t + layout.margin.b + 240);
    // A few names leave the figure its height.
    expect((fitFigure({ ...figure, data: lines(3) }, 390).layout as unknown as Fitted).height).toBeUndefined();
  });

  it("moves a wide figure's legend of many rows to its foot and grows the figure for it, and leaves a short one", () => {
    const figure = { data: lines(40), layout: { title: { text: "Figure 59.1b — Cost" }, annotations: [source] } };
    const wide = fitFigure(figure, 1280, { titleInPage: true }).layout as unknown as Fitted;
    expect(wide.legend.yref).toBe("container");
    expect(wide.height).toBeGreaterThanOrEqual(wide.margin.t + wide.margin.b + 320);
    const short = fitFigure({ ...figure, data: lines(4) }, 1280, { titleInPage: true }).layout as unknown as Fitted;
    expect(short.legend).toBeUndefined();
    expect(short.height).toBeUndefined();
  });

  it("gives every row of a heatmap a label's height", () => {
    const rows = Array.from({ length: 40 }, (_, index) => `Model ${index + 1}`);
    const figure = {
      data: [{ type: "heatmap", x: ["100/day", "500/day"], y: rows, z: rows.map(() => [1, 2]) }],
      layout: { title: { text: "Figure 59.2a — Cost matrix" }, annotations: [source] },
    };
    for (const width of [390, 1280]) {
      const layout = fitFigure(figure, width, { titleInPage: width > 640 }).layout as unknown as Fitted;
      expect(layout.height, `${width}px`).toBeGreaterThanOrEqual(layout.margin.t + layout.margin.b + 40 * 15);
    }
  });

  it("wraps a note laid across a phone's plot to the plot's width, and leaves the source line to its own wrapping", () => {
    const note = { text: "16 models have no star rating in the data: hover a ring for its name", xref: "paper", x: 0, font: { size: 12 } };
    const figure = { data: [], layout: { title: { text: "Figure 59.2b — Price" }, annotations: [note, source] } };
    const [wrapped] = (fitFigure(figure, 390).layout as unknown as Fitted).annotations;
    const noteLines = wrapped?.text.split("<br>") ?? [];
    expect(noteLines.length).toBeGreaterThan(1);
    expect(noteLines.join(" ")).toBe(note.text);
    for (const line of noteLines) expect(line.length * 12 * 0.56).toBeLessThanOrEqual(390 - 24 - 58 - 12);
  });

  it("wraps a Chinese note, source line and legend names by their drawn width, a character as wide as two letters", () => {
    // Chinese text drawn about as wide per character as two Latin letters at the same size.
    const drawnPx = (line: string, letterPx: number) =>
      [...line].reduce((sum, char) => sum + (/[\u2E80-\uFFEF]/.test(char) ? 2 : 1), 0) * letterPx;
    const note = { text: "12 个模型在数据中没有星级评分：将鼠标悬停在圆环上可查看名称", xref: "paper", x: 0, font: { size: 12 } };
    const chineseSource = {
      text: "来源：data/2026-11-cn/gpu_rentals.csv、data/2026-11-cn/hardware.csv，价格截至 2023-12-28 至 2026-12-07，按各地区租用报价与汇率折算。roilab",
      xref: "paper",
      yref: "paper",
    };
    const names = ["工程师月薪 ¥35,000", "工程师月薪 ¥70,000", "工程师月薪 ¥10.50万", "工程师月薪 ¥14.00万", "本章的假设"];
    const figure = {
      data: names.map((name) => ({ type: "scatter", mode: "lines", name, x: [1], y: [1] })),
      layout: { title: { text: "图 59.9c — 隐性运维成本" }, annotations: [note, chineseSource] },
    };
    const layout = fitFigure(figure, 390).layout as unknown as Fitted;
    const noteLines = layout.annotations[0]?.text.split("<br>") ?? [];
    expect(noteLines.join("")).toBe(note.text.replace(/ /g, "").replace("12", "12 "));
    for (const line of noteLines) expect(drawnPx(line, 12 * 0.56)).toBeLessThanOrEqual(390 - 24 - 58 - 12);
    // The source line starts where the plot does (58 px in) and ends at the figure's edge, in 9 px text.
    const sourceLines = layout.annotations[1]?.text.split("<br>") ?? [];
    expect(sourceLines.length).toBeGreaterThan(2);
    for (const line of sourceLines) expect(drawnPx(line, 5.6)).toBeLessThanOrEqual(390 - 24 - 58);
    // Each name takes a row of the phone's legend (11 px text, about 19 px a row): the legend holds all five unscrolled.
    expect(layout.legend.maxheight).toBeGreaterThanOrEqual(names.length * 19);
  });

  it("stands a bar's value upright on a phone where it is wider than its bar, and keeps it across where it fits", () => {
    const bars = (count: number) => {
      const x = Array.from({ length: count }, (_, index) => `Bar ${index}`);
      return {
        data: [{ type: "bar", x, y: x.map(() => 1) }],
        layout: {
          title: { text: "Figure 59.9a — Memory" },
          xaxis: { type: "category" },
          annotations: [...x.map((category) => ({ text: "123.4 GiB<br>+0.8% ppl", x: category, xref: "x", y: 1, yref: "y" })), source],
        },
      };
    };
    const crowded = (fitFigure(bars(8), 390).layout as unknown as Fitted).annotations[0];
    expect(crowded).toMatchObject({ text: "123.4 GiB", textangle: -90 });
    const roomy = (fitFigure(bars(3), 390).layout as unknown as Fitted).annotations[0];
    expect(roomy?.textangle).toBeUndefined();
    expect(roomy?.text).toBe("123.4 GiB<br>+0.8% ppl");
  });
});
