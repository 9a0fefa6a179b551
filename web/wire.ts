/**
 * The network total of participant counts as the merge now answers it; to go once
 * shared/merge.ts has it (the service/core half of issue 12).
 */
import { z } from "zod";

/** A network total of participant counts: the known sum, a lower bound where counts are hidden. */
export const NetworkCount = z.object({
  value: z.number(),
  lowerBound: z.boolean(),
  suppressedIn: z.number().int().nonnegative(),
});
export type NetworkCount = z.infer<typeof NetworkCount>;
