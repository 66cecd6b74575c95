import type { DataFrame } from "danfojs-node";

/**
 * A danfojs DataFrame of typed rows. danfojs is loaded on first use: it takes about a second to start
 * (TensorFlow.js), which commands that never build a frame should not pay.
 */
export function toDataFrame(rows: readonly object[]): DataFrame {
  const danfo = require("danfojs-node") as typeof import("danfojs-node");
  // danfojs cannot hold undefined; empty cells become null, its missing value.
  const records = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Array.isArray(value) ? value.join(";") : (value ?? null)])),
  );
  return new danfo.DataFrame(records);
}
