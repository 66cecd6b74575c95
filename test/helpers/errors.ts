import { UsageError } from "../../src/errors";

/** The UsageError an action throws; any other outcome fails the test. */
export function usageErrorOf(action: () => unknown): UsageError {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}
