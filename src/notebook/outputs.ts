import type { CellOutput } from "./nbformat";
import type { DisplayDataContent, ErrorContent, ExecuteResultContent, IopubMessage, StreamContent } from "./protocol";

/**
 * Collects a cell's iopub messages into nbformat outputs the way Jupyter does: consecutive stream text of
 * the same name is merged, and update_display_data replaces the output that carries its display_id.
 */
export class OutputCollector {
  readonly outputs: CellOutput[] = [];
  private readonly displays = new Map<string, number[]>();

  add(message: IopubMessage): void {
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
        this.outputs.push({ output_type: "execute_result", execution_count: content.execution_count, data: content.data, metadata: content.metadata ?? {} });
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
