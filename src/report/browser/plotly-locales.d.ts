// Plotly's own translations of its interface (mode bar buttons, hover and date words), shipped as CommonJS modules.
declare module "plotly.js/lib/locales/zh-cn" {
  const locale: { moduleType: "locale"; name: string; dictionary: Record<string, string>; format: Record<string, unknown> };
  export = locale;
}
