import { describe, expect, it } from "vitest";
import { escapeHtml, scriptJson } from "../../src/util/html";

describe("text made safe for HTML", () => {
  it("escapes the five characters that can start markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("writes JSON that no data can use to close its script element, and that parses back to the same value", () => {
    const value = { name: "</script><script>alert(1)</script>", separators: "\u2028\u2029" };
    const json = scriptJson(value);
    expect(json).not.toContain("</script");
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
