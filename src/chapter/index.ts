export * from "./analysis";
export * from "./figures";
