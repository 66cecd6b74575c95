export * from "./analysis";
export * from "./figures";
export * from "./presentation";
export * from "./diff";
