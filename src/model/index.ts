export * from "./cloud-cost";
export * from "./local-cost";
export * from "./break-even";
export * from "./break-even-matrix";
export * from "./router";
export * from "./case-study";
