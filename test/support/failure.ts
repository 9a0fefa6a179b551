/** The failure a call throws (shared/failures.ts), for tests that assert the failure as data. */
import { type Failure, SamsynError } from "../../shared/failures";

export function thrownFailure(run: () => unknown): Failure {
  try {
    run();
  } catch (error) {
    if (error instanceof SamsynError) return error.failure;
    throw error;
  }
  throw new Error("expected a SamsynError, but nothing was thrown");
}

/** The same for an async call. */
export async function rejectedFailure(run: () => Promise<unknown>): Promise<Failure> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SamsynError) return error.failure;
    throw error;
  }
  throw new Error("expected a SamsynError, but nothing was thrown");
}
