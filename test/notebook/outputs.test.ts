import { describe, expect, it } from "vitest";
import { OutputCollector, type IopubMessage } from "../../src/notebook";

const message = (msg_type: string, content: object) =>
  ({ header: { msg_type }, parent_header: {}, metadata: {}, content }) as unknown as IopubMessage;

describe("OutputCollector", () => {
  it("merges consecutive stream text of one name and keeps stderr apart", () => {
    const collector = new OutputCollector();
    collector.add(message("stream", { name: "stdout", text: "a" }));
    collector.add(message("stream", { name: "stdout", text: "b\n" }));
    collector.add(message("stream", { name: "stderr", text: "oops" }));
    expect(collector.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "ab\n" },
      { output_type: "stream", name: "stderr", text: "oops" },
    ]);
    expect(collector.stderrText()).toBe("oops");
    expect(collector.withoutStderr()).toHaveLength(1);
  });

  it("replaces a display by its display_id on update_display_data", () => {
    const collector = new OutputCollector();
    collector.add(message("display_data", { data: { "text/plain": "1" }, metadata: {}, transient: { display_id: "d" } }));
    collector.add(message("execute_result", { data: { "text/plain": "r" }, metadata: {}, execution_count: 3 }));
    collector.add(message("update_display_data", { data: { "text/plain": "2" }, metadata: {}, transient: { display_id: "d" } }));
    expect(collector.outputs).toEqual([
      { output_type: "display_data", data: { "text/plain": "2" }, metadata: {} },
      { output_type: "execute_result", data: { "text/plain": "r" }, metadata: {}, execution_count: 3 },
    ]);
  });

  it("cuts a cell's output past its limit, says where, and keeps nothing after", () => {
    const collector = new OutputCollector(1000);
    for (let i = 0; i < 100; i++) collector.add(message("stream", { name: "stdout", text: `${"x".repeat(99)}\n` }));
    collector.add(message("display_data", { data: { "text/plain": "late" }, metadata: {} }));
    expect(collector.cut).toBe(true);
    const [kept, note, ...rest] = collector.outputs;
    expect(kept).toMatchObject({ output_type: "stream", name: "stdout" });
    expect((kept as { text: string }).text.length).toBeLessThanOrEqual(1000);
    expect(note).toEqual({
      output_type: "stream",
      name: "stderr",
      text: "\nroilab: this cell's output passed 0.001 MB (--max-output-mb) and was cut here.\n",
    });
    expect(rest).toEqual([]);
  });

  it("keeps a cell's output whole below its limit", () => {
    const collector = new OutputCollector(10_000);
    for (let i = 0; i < 10; i++) collector.add(message("stream", { name: "stdout", text: "line\n" }));
    expect(collector.cut).toBe(false);
    expect(collector.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "line\n".repeat(10) }]);
  });
});
