/** Plain-text tables for the terminal: a header, a rule, numbers right-aligned. */

export interface TextColumn {
  header: string;
  align?: "left" | "right";
}

/**
 * Columns a text takes in a terminal: Chinese, Japanese and Korean characters and full-width punctuation take two,
 * everything else one, so a Chinese header lines up with the numbers under it.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

export function renderTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[index] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (columns[index]?.align === "right" ? padStart(cell, widths[index] ?? 0) : padEnd(cell, widths[index] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((column) => column.header)), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}
