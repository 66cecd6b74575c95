import { describe, expect, it } from "vitest";
import { figureInCurrency, type Figure } from "../../src/charts";

const dollars: Figure = {
  data: [
    {
      type: "bar",
      name: "Claude",
      x: ["a"],
      y: [1395],
      text: ["$1,395"],
      hovertemplate: "%{x}<br>%{y:$,.2f} a month, $%{customdata:,.0f} a year<extra></extra>",
    },
  ],
  layout: {
    title: { text: "Monthly cost ($ per month)" },
    yaxis: { title: "Cost per month (USD)", tickformat: "$,.0f" },
    annotations: [{ text: "budget $5,000" }],
  },
};

describe("a figure written in dollars, shown in another currency", () => {
  it("moves every money label, hover format and tick format to the currency, and leaves the numbers as they are", () => {
    const yuan = figureInCurrency(dollars, "CNY");
    expect(yuan.data[0]).toMatchObject({
      y: [1395],
      text: ["CN¥1,395"],
      hovertemplate: "%{x}<br>CN¥%{y:,.2f} a month, CN¥%{customdata:,.0f} a year<extra></extra>",
    });
    expect(yuan.layout.title.text).toBe("Monthly cost (CN¥ per month)");
    expect(yuan.layout.yaxis).toEqual({ title: "Cost per month (CNY)", tickformat: ",.0f", tickprefix: "CN¥" });
    expect(yuan.layout.annotations?.[0]?.text).toBe("budget CN¥5,000");
  });

  it("gives a USD figure back unchanged", () => {
    expect(figureInCurrency(dollars, "USD")).toBe(dollars);
  });
});
