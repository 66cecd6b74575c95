import { describe, expect, it } from "vitest";
import { toDataFrame } from "../../src/data";
import { htmlTable } from "../../src/display/html-table";

describe("HTML tables", () => {
  it("formats money and counts right-aligned and escapes text", () => {
    const html = htmlTable(
      [{ model: "<img src=x onerror=alert(1)>", usd: 1395, calls: 93_277, rate: 52.0833 }],
      [
        { key: "model", label: "Model" },
        { key: "usd", label: "$/month", format: "usd" },
        { key: "calls", format: "integer" },
        { key: "rate", format: "decimal1" },
      ],
    );
    expect(html).toContain(">52.1<");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain(
      '<td style="text-align:right;font-variant-numeric:tabular-nums" data-value="1395" data-label="$/month">$1,395.00</td>',
    );
    // Text cells carry no raw value; a page's CSV download reads numbers from data-value.
    expect(html).not.toMatch(/data-value="[^"0-9.-]/);
    expect(html).toContain(">93,277<");
    // A sum's float noise stays out of the download.
    expect(htmlTable([{ complexity: 0.1 + 0.3 + 0.18 }], [{ key: "complexity", format: "number" }])).toContain('data-value="0.58"');
    // Each cell names its column, for the card a phone shows a row as; a column without a label is named by its key.
    expect(html).toContain('data-label="calls">93,277<');
  });

  it("reads a danfojs DataFrame", () => {
    const html = htmlTable(toDataFrame([{ a: 1.5 }, { a: 2 }]), [{ key: "a", format: "usd" }]);
    expect(html).toContain("$1.50");
    expect(html).toContain("$2.00");
  });
});
