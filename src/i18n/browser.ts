/**
 * The words the page's script writes (src/report/browser): the what-if panels' frame (heading, reset, a field the
 * configuration leaves unused, a result it cannot compute), the CSV download buttons it adds and the hint a phone's
 * figure gets. A panel's own labels and sentences are the panel's.
 */
import { catalogue } from "./catalogue";

export const BROWSER_WORDS = catalogue(
  {
    whatIf: (title: string) => `What-if: ${title}`,
    reset: "Reset to the notebook's values",
    unused: "not used by this configuration",
    /** A field's problem, as the range states it, and its end. */
    problem: (problem: string) => `${problem}.`,
    cannotCompute: (what: string, problem: string) => `Cannot compute ${what}: ${problem}.`,
    /** Between two problems of one panel. */
    problemSeparator: "; ",
    downloadTable: "Download table (CSV)",
    downloadWhatIf: "Download this what-if's data (CSV)",
    tapCell: "Tap or point at a cell for its value.",
    tapPoint: "Tap or point at a marked point for its value.",
    /** A field's value out of its range (panels/ranges.ts): the field's label, the range and the value, formatted. */
    needsNumber: (label: string, min: string, max: string) => `${label} needs a number from ${min} to ${max}`,
    outOfRange: (label: string, min: string, max: string, value: string) => `${label} must be from ${min} to ${max}, not ${value}`,
    notWhole: (label: string, value: string) => `${label} must be a whole number, not ${value}`,
    notMultiple: (label: string, step: string, value: string) => `${label} must be a multiple of ${step}, not ${value}`,
  },
  {
    whatIf: (title) => `假设分析：${title}`,
    reset: "恢复笔记本中的取值",
    unused: "当前配置不使用此项",
    problem: (problem) => `${problem}。`,
    cannotCompute: (what, problem) => `无法计算${what}：${problem}。`,
    problemSeparator: "；",
    downloadTable: "下载表格（CSV）",
    downloadWhatIf: "下载本假设分析的数据（CSV）",
    tapCell: "点按或指向单元格可查看数值。",
    tapPoint: "点按或指向标记点可查看数值。",
    needsNumber: (label, min, max) => `${label}需要填入 ${min} 到 ${max} 之间的数`,
    outOfRange: (label, min, max, value) => `${label}应在 ${min} 到 ${max} 之间，而不是 ${value}`,
    notWhole: (label, value) => `${label}应为整数，而不是 ${value}`,
    notMultiple: (label, step, value) => `${label}应为 ${step} 的整数倍，而不是 ${value}`,
  },
);
