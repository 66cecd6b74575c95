/**
 * The publisher's own words in Chinese, where it writes them: the page around a notebook, its footer, banner, pager,
 * contents and index, and the words around the cells. English stays as it was (the publisher's own tests).
 */
import { describe, expect, it } from "vitest";
import type { Notebook } from "../../src/notebook/nbformat";
import { renderIndex } from "../../src/report/html/index-page";
import { renderNotebook } from "../../src/report/html/notebook";
import { PLAIN_SITES, renderFooter, renderPage } from "../../src/report/html/page";
import { renderPager } from "../../src/report/html/pager";
import { renderSidebar } from "../../src/report/html/sidebar";
import { staleBanner } from "../../src/report/staleness";

const versions = {
  roilab: "0.1.0",
  tslab: "1.0.22",
  packages: [{ label: "价格数据库", name: "prices", version: "0.1.8" }],
  node: "v24.0.0",
};
const assets = { mode: "inline" as const, css: "", scripts: [] };

describe("a page published in Chinese", () => {
  it("says so in <html lang>, and its header's edition switch is in Chinese; English pages keep lang=en", () => {
    const editions = { current: "data/2026-11", others: [{ href: "chapter/index.html", dataFolder: "data" }] };
    const page = renderPage({ title: "t", site: PLAIN_SITES["zh-CN"], body: "", assets, footer: "", editions, lang: "zh-CN" });
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain(
      '<nav class="edition-switch" aria-label="数据版本">数据版本： <strong aria-current="page" title="data/2026-11">2026年11月</strong> · <a href="chapter/index.html" title="data">原书数据</a></nav>',
    );
    expect(page).toContain('<a href="index.html">报告</a><span>笔记本的运行结果</span>');
    expect(renderPage({ title: "t", site: PLAIN_SITES.en, body: "", assets, footer: "" })).toContain('<html lang="en">');
  });

  it("records its provenance in a Chinese sentence, with dates as 2025年9月1日", () => {
    const footer = renderFooter({
      data: [{ name: "models.csv", sha256: "abc", asOf: "2025-09-01" }],
      parameters: {},
      versions,
      builtAt: "2026-11-28T13:21:24Z",
      lang: "zh-CN",
    });
    expect(footer).toContain(
      "<p>本页于 2026年11月28日 13:21（UTC） 生成，使用 roilab 0.1.0、tslab 1.0.22、Node.js v24.0.0，价格数据库 prices 0.1.8。参数：<code>默认值</code>。</p>",
    );
    expect(footer).toContain("<th>数据文件</th><th>数据截至</th><th>SHA-256 校验值</th>");
    expect(footer).toContain("<td>models.csv</td><td>2025年9月1日</td>");
  });

  it("warns of old prices, and points to newer ones, in Chinese", () => {
    expect(
      staleBanner(
        { file: "models.csv", asOf: "2025-09-01", ageDays: 453 },
        "data",
        { dataFolder: "data/2026-11", href: "../x.html" },
        "zh-CN",
      ),
    ).toBe(
      '<p class="stale" role="note"><strong>价格可能已过时：</strong> data/models.csv 的价格截至 2025年9月1日，比本次生成早 453 天。引用这些数字前，请先核对最新价格。同一页面的较新价格版本：<a href="../x.html" title="data/2026-11">2026年11月</a>。</p>',
    );
  });

  it("names its neighbours and its contents in Chinese", () => {
    expect(renderPager({ href: "a.html", title: "甲" }, { href: "b.html", title: "乙" }, "zh-CN")).toBe(
      '<nav class="pager" aria-label="章节导航"><a class="previous" rel="prev" href="a.html"><span>上一节</span>甲</a><a class="next" rel="next" href="b.html"><span>下一节</span>乙</a></nav>',
    );
    const sidebar = renderSidebar({
      pages: [{ href: "a.html", title: "甲" }],
      current: "a.html",
      headings: [{ level: 2, text: "一节", id: "s" }],
      index: { href: "index.html", title: "报告" },
      lang: "zh-CN",
    });
    expect(sidebar).toContain('<nav class="sidebar" aria-label="报告目录">');
    expect(sidebar).toContain('<ol class="on-this-page" aria-label="本页内容">');
  });

  it("writes the words around a notebook's cells in Chinese: key findings, contents, parameters, code, figures", () => {
    const notebook: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        { id: "t", cell_type: "markdown", metadata: {}, source: "# 标题\n\n## 第一节\n\n## 第二节" },
        { id: "p", cell_type: "code", metadata: { tags: ["parameters"] }, source: "const a = 1;", outputs: [], execution_count: 1 },
        { id: "c", cell_type: "code", metadata: { tags: ["hide-input"] }, source: "const b = 2;", outputs: [], execution_count: 2 },
        {
          id: "h",
          cell_type: "code",
          metadata: { tags: ["headline"] },
          source: "show()",
          execution_count: 3,
          outputs: [
            { output_type: "display_data", data: { "text/markdown": "**结论**" }, metadata: {} },
            { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { data: [], layout: {} } }, metadata: {} },
            { output_type: "error", ename: "InputError", evalue: "x", traceback: [] },
          ],
        },
      ],
    };
    const { body } = renderNotebook(notebook, { lang: "zh-CN" });
    expect(body).toContain('<aside class="key-findings" aria-label="核心结论"><p class="key-findings-title">核心结论</p>');
    expect(body).toContain('<nav class="toc" aria-label="目录"><p class="toc-title">目录</p>');
    expect(body).toContain('aria-label="本节链接">#</a>');
    expect(body).toContain("<summary>参数</summary>");
    expect(body).toContain("<summary>代码</summary>");
    expect(body).toContain('<figcaption>图</figcaption><div class="plot" id="plot-1" role="img" aria-label="图">');
    expect(body).toContain('data-figure="plot-1">下载图表数据（CSV）</button>');
    // A numbered figure's number is the publisher's word in the page's language; its title is the figure's own.
    const numbered = (title: string) =>
      renderNotebook(
        {
          ...notebook,
          cells: [
            {
              id: "f",
              cell_type: "code",
              metadata: {},
              source: "show()",
              execution_count: 1,
              outputs: [
                {
                  output_type: "display_data",
                  data: { "application/vnd.plotly.v1+json": { data: [], layout: { title: { text: title } } } },
                  metadata: {},
                },
              ],
            },
          ],
        },
        { lang: "zh-CN" },
      ).body;
    expect(numbered("Figure 59.3b — Break-even")).toContain(
      '<figure class="plotly-figure" id="figure-59-3b"><figcaption><a class="figure-number" href="#figure-59-3b">图 59.3b</a> — Break-even</figcaption>',
    );
    expect(numbered("图 59.3b — 盈亏平衡")).toContain(
      'id="figure-59-3b"><figcaption><a class="figure-number" href="#figure-59-3b">图 59.3b</a> — 盈亏平衡</figcaption>',
    );
    expect(body).toContain("<strong>第 4 个单元格运行失败：InputError</strong>");
    expect(renderNotebook(notebook).body).toContain("Key findings");
  });

  it("introduces the index in Chinese, listing each file's date and the other editions", () => {
    const index = renderIndex({
      cards: [{ href: "a.html", title: "甲", headline: undefined, figure: undefined, failed: true }],
      builtAt: "2026-11-28T13:21:24Z",
      asOf: [
        { name: "models.csv", sha256: "a", asOf: "2025-09-01" },
        { name: "hardware.csv", sha256: "b", asOf: "2026-11-29" },
      ],
      dataFolder: "data",
      editions: [
        { href: "x/index.html", dataFolder: "data/2026-11" },
        { href: "y/index.html", dataFolder: "data/2027-01" },
      ],
      heading: "模型选型成本矩阵",
      about: "第 59 章的成本模型",
      lang: "zh-CN",
    });
    expect(index).toContain(
      "第 59 章的成本模型，已基于 <code>data</code> 重新运行。生成时间：2026年11月28日 13:21（UTC）。数据：models.csv（截至 2025年9月1日）；hardware.csv（截至 2026年11月29日）。</p>",
    );
    expect(index).toContain(
      '<nav class="editions" aria-label="其他数据版本"><p>本报告的其他数据版本：<a href="x/index.html" title="data/2026-11">2026年11月</a>、<a href="y/index.html" title="data/2027-01">2027年1月</a>。</p></nav>',
    );
    expect(index).toContain('<p class="output-error">该笔记本运行失败，本页显示其报错信息。</p>');
  });
});
