/** Reading a figure spec in tests: its title, and a trace by name (failing with the names it has). */
import type { Figure, Trace } from "../../src/charts";

export const title = (figure: Figure) => figure.layout.title.text;

export function trace(figure: Figure, name: string): Trace {
  const found = figure.data.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no trace ${name}; have ${figure.data.map((candidate) => candidate.name).join(", ")}`);
  return found;
}
