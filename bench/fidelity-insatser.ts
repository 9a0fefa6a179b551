/**
 * Fidelity of insats lists and participant lists with an insats column: of generated workbooks
 * with the truth known (header wordings, focus words, text and missing counts, blank insats
 * cells), how many are read right, and the time per sheet. Fixed seeds: two runs read the same sheets.
 * bench/fidelity.ts prints these lines after its own.
 */
import fc from "fast-check";
import { readInsatsList } from "../shared/insatslista";
import { readParticipantSheet } from "../shared/participants";
import { readWorkbook } from "../shared/read-workbook";
import { budgetSpecArb, buildBudget } from "../test/budget/generate";
import {
  buildInsatsList,
  buildInsatsParticipants,
  insatsListArb,
  insatsListReadRight,
  insatsParticipantsArb,
  insatsParticipantsReadRight,
} from "../test/insatser/generate";

const LISTS = 500;
const PARTICIPANT_LISTS = 500;
const SEED = 20_261_206;

export function insatsFidelity(): string[] {
  const lists = fc.sample(insatsListArb, { numRuns: LISTS, seed: SEED });
  let start = performance.now();
  const listRight = lists.filter((spec) => {
    const reading = readWorkbook([buildInsatsList(spec)]);
    const tables = reading.tables;
    return insatsListReadRight(spec, tables, reading.issues.length);
  }).length;
  const listMs = (performance.now() - start) / lists.length;

  const participantSpecs = fc.sample(insatsParticipantsArb, { numRuns: PARTICIPANT_LISTS, seed: SEED + 1 });
  start = performance.now();
  const today = new Date("2026-12-06");
  const participantsRight = participantSpecs.filter((spec) =>
    insatsParticipantsReadRight(spec, readParticipantSheet(buildInsatsParticipants(spec), { today })),
  ).length;
  const participantMs = (performance.now() - start) / participantSpecs.length;
  // The other way: a budget sheet is never an insats list.
  const budgets = fc.sample(
    fc.boolean().chain((corrupt) => budgetSpecArb(corrupt)),
    { numRuns: 500, seed: SEED + 2 },
  );
  const taken = budgets.filter((spec) => readInsatsList(buildBudget(spec).grid) !== null).length;
  return [
    `budget sheets taken for an insats list: ${taken} of ${budgets.length}`,
    `insats lists read right: ${listRight} of ${lists.length} (${listMs.toFixed(2)} ms per sheet)`,
    `participant lists with an insats column read right: ${participantsRight} of ${participantSpecs.length} (${participantMs.toFixed(2)} ms per sheet)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of insatsFidelity()) console.log(line);
