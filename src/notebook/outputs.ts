import type { CellOutput } from "./nbformat";
import type { DisplayDataContent, ErrorContent, ExecuteResultContent, IopubMessage, StreamContent } from "./protocol";

/** A cell's output kept by default: far beyond any figure or table, short of what can fill the runner's memory. */
export const DEFAULT_MAX_OUTPUT_BYTES = 50_000_000;

/**
 * Collects a cell's iopub messages into nbformat outputs the way Jupyter does: consecutive stream text of
 * the same name is merged, and update_display_data replaces the output that carries its display_id. Output
 * past `maxBytes` is cut, with a note where it was cut: a cell that prints without end would otherwise grow
 * the runner until it aborts, and nothing would be published.
 */
export class OutputCollector {
  readonly outputs: CellOutput[] = [];
  private readonly displays = new Map<string, number[]>();
  private bytes = 0;
  /** Set once output was cut; nothing after it is kept. */
  cut = false;

  constructor(private readonly maxBytes = DEFAULT_MAX_OUTPUT_BYTES) {}

  add(message: IopubMessage): void {
    if (this.cut) return;
    this.bytes += Buffer.byteLength(JSON.stringify(message.content));
    if (this.bytes > this.maxBytes) {
      this.cut = true;
      this.outputs.push({
        output_type: "stream",
        name: "stderr",
        text: `\nroilab: this cell's output passed ${this.maxBytes / 1e6} MB (--max-output-mb) and was cut here.\n`,
      });
      return;
    }
    switch (message.header.msg_type) {
      case "stream": {
        const { name, text } = message.content as StreamContent;
        const last = this.outputs.at(-1);
        if (last?.output_type === "stream" && last.name === name) last.text += text;
        else this.outputs.push({ output_type: "stream", name, text });
        return;
      }
      case "display_data": {
        const content = message.content as DisplayDataContent;
        const id = content.transient?.display_id;
        if (id) this.displays.set(id, [...(this.displays.get(id) ?? []), this.outputs.length]);
        this.outputs.push({ output_type: "display_data", data: content.data, metadata: content.metadata ?? {} });
        return;
      }
      case "update_display_data": {
        const content = message.content as DisplayDataContent;
        for (const index of this.displays.get(content.transient?.display_id ?? "") ?? []) {
          this.outputs[index] = { output_type: "display_data", data: content.data, metadata: content.metadata ?? {} };
        }
        return;
      }
      case "execute_result": {
        const content = message.content as ExecuteResultContent;
        this.outputs.push({
          output_type: "execute_result",
          execution_count: content.execution_count,
          data: content.data,
          metadata: content.metadata ?? {},
        });
        return;
      }
      case "error": {
        const content = message.content as ErrorContent;
        this.outputs.push({ output_type: "error", ename: content.ename, evalue: content.evalue, traceback: content.traceback });
        return;
      }
    }
  }

  /** Everything the cell wrote to stderr, which is where tslab reports a failure. */
  stderrText(): string {
    return this.outputs.flatMap((output) => (output.output_type === "stream" && output.name === "stderr" ? [output.text] : [])).join("");
  }

  withoutStderr(): CellOutput[] {
    return this.outputs.filter((output) => !(output.output_type === "stream" && output.name === "stderr"));
  }
}
