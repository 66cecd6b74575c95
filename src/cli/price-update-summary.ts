/** What `roilab prices update` did, for the terminal: the models refreshed, those the database lacks, those it was not asked about. */
import type { PriceUpdateResult } from "../data/price-update";

const priceChange = (before: number | undefined, after: number) => (before === after ? `$${after}` : `$${before ?? "?"} -> $${after}`);

export function priceUpdateSummary(result: PriceUpdateResult): string {
  const before = new Map(result.before.models.map((model) => [model.modelId, model]));
  const lines = [
    `${result.dryRun ? "would update" : "updated"} ${result.file}: ${result.updated.length} model(s) from ${result.database}, offline`,
  ];
  for (const { modelId, prices } of result.updated) {
    const old = before.get(modelId);
    const tiers = prices.longContextTiers.length
      ? `; dearer above ${prices.longContextTiers.map((tier) => tier.aboveInputTokens.toLocaleString("en-US")).join(", ")} input tokens`
      : "";
    lines.push(
      `  ${modelId} (${prices.matched}): input ${priceChange(old?.inputUsdPerMTok, prices.inputUsdPerMTok)}, output ${priceChange(old?.outputUsdPerMTok, prices.outputUsdPerMTok)} per million tokens${tiers}`,
    );
  }
  if (result.unknown.length)
    lines.push(`not in the database, left as they were: ${result.unknown.map((entry) => `${entry.modelId} (${entry.ref})`).join(", ")}`);
  if (result.unreferenced.length) lines.push(`no price_ref, left as they were: ${result.unreferenced.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
