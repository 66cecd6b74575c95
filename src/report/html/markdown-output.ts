/** The markdown a notebook output displays: read by the page renderer and by the index, which needs no renderer. */
import type { Notebook } from "../../notebook/nbformat";

/** The markdown a displayed output shows, joined when nbformat stores it as lines; the kind of output a headline is. */
export function markdownText(output: NonNullable<Notebook["cells"][number]["outputs"]>[number]): string | undefined {
  if (output.output_type !== "display_data") return undefined;
  const markdown = output.data["text/markdown"];
  if (markdown === undefined) return undefined;
  return Array.isArray(markdown) ? markdown.join("") : String(markdown);
}
