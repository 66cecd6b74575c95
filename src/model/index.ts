/** The pure cost model of chapter 59: plain typed records in and out, no I/O, runnable in a browser. */
export * from "./cloud-cost";
export * from "./billing";
export * from "./local-cost";
export * from "./break-even";
export * from "./break-even-matrix";
export * from "./router";
export * from "./case-study";
export * from "./capacity";
export * from "./sensitivity";
export * from "./quantisation";
export * from "./failover";
export * from "./ops-cost";
export * from "./ab-test";
export * from "./rental";
export * from "./calendar";
