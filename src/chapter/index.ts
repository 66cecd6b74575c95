export * from "./analysis";
export * from "./figures";
export * from "./presentation";
export * from "./diff";
export * from "./capacity";
export * from "./uncertainty";
export * from "./closing-questions";
export * from "./beyond-figures";
