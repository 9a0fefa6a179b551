/** What the workbook thread runs: the merge and the merged workbook, from what the store gave. */
import { type MergeInput, merge } from "../shared/merge";
import { mergedWorkbook } from "./merged-workbook";

export const buildMergedWorkbook = (input: MergeInput): Promise<Buffer> => mergedWorkbook(merge(input));
