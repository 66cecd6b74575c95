import { describe, expect, it } from "vitest";
import { htmlTable } from "../../../src/display/html-table";
import { isBase64, outputHtml } from "../../../src/report/html/sanitize";

describe("the HTML policy of published pages", () => {
  it("removes everything that can run code from a notebook's HTML output", () => {
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">link</a><b onclick="alert(4)">bold</b><iframe src="https://x"></iframe><p style="background:url(javascript:alert(5))">text</p>`;
    const safe = outputHtml(hostile, false);
    expect(safe).not.toMatch(/script|onerror|onclick|javascript|iframe|background/i);
    expect(safe).toContain("<b>bold</b>");
    expect(safe).toContain("<a>link</a>");
  });

  it("removes links whose scheme is spelt with character references, as the browser decodes them", () => {
    const disguised = [
      `<a href="&#106;avascript:alert(document.domain)">a</a>`,
      `<a href="javascript&colon;alert(1)">b</a>`,
      `<a href="jav&#x09;ascript:alert(1)">c</a>`,
      `<a href="&#106avascript:alert(1)">d</a>`,
      `<a href='&#x6A;ava&#115;cript&#58;alert(1)'>e</a>`,
      `<a href="&#100;ata:text/html,x">f</a>`,
    ];
    for (const link of disguised) expect(outputHtml(link, false)).toMatch(/^<a>[a-f]<\/a>$/);
  });

  it("keeps http, https, mailto, fragment and relative links", () => {
    for (const href of [
      "https://example.org/a?b=1&amp;c=2",
      "http://example.org/",
      "mailto:x@example.org",
      "#figure-59-3b",
      "59.3-break-even.html",
    ]) {
      expect(outputHtml(`<a href="${href}">x</a>`, false)).toBe(`<a href="${href}">x</a>`);
    }
  });

  it("passes roilab's own tables through byte for byte", () => {
    const table = htmlTable(
      [{ model: `GPT "4o" & <mini> 'x'`, usd: 1234.5 }],
      [
        { key: "model", label: "Model" },
        { key: "usd", label: "$ per month", format: "usd" },
      ],
      "Prices (the chapter's; data/models.csv)",
    );
    expect(outputHtml(table, false)).toBe(table);
  });

  it("inserts HTML as it is when the publisher trusts it", () => {
    expect(outputHtml("<script>ok()</script>", true)).toBe("<script>ok()</script>");
  });

  it("accepts only plain base64 as image data", () => {
    expect(isBase64("iVBORw0KGgo=")).toBe(true);
    expect(isBase64("iVBO\nRw0K\nGgo=")).toBe(true);
    expect(isBase64('x" onerror="alert(1)')).toBe(false);
    expect(isBase64("")).toBe(false);
    expect(isBase64("abc")).toBe(false);
  });
});
