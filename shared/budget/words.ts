/** The Swedish vocabulary of budget sheets: which words make a row a total, a result, a section, a group or a member. */
import type { BudgetGroup, Member, Section } from "../report";

/** A label made comparable: lower case, single spaces, no bullet, footnote star or trailing colon. */
export function normaliseLabel(text: string): string {
  const lower = text.toLowerCase();
  const spaced = /\s\s|[\u00a0\u202f\t\n\r]/.test(lower) ? lower.replace(/[\s\u00a0\u202f]+/g, " ") : lower;
  return spaced.replace(/^[\s\-\u2013\u2014•·*]+|[\s*:]+$/g, "");
}

/** A sub-item as printed budgets write it: "- projekt Utgångspunkten". */
export const isSubItem = (text: string): boolean => /^\s*[-\u2013\u2014•·]\s*[^\s\d]/.test(text);

/** The label as the report keeps it: the bullet gone, the words as written. */
export function cleanLabel(text: string): string {
  const spaced = /\s\s|[\u00a0\u202f\t\n\r]/.test(text) ? text.replace(/[\s\u00a0\u202f]+/g, " ") : text;
  return spaced.replace(/^[\s\-\u2013\u2014•·]+|\s+$/g, "");
}

// "Över-/underskott +/-", "Överskott/underskott", "Årets resultat", "Resultat", "Netto", "Saldo",
// "Differens", "Kvar att fördela", "Intäkter minus kostnader".
const RESULT =
  /över-?\s*\/\s*underskott|överskott\s*\/\s*underskott|under-?\s*\/\s*överskott|^(årets|periodens|budgeterat|beräknat|prognostiserat)\s+resultat\b|^resultat\b|^(över|under)skott\s*(\+\s*\/\s*[-−]|[+−-])?$|^netto(resultat)?\b|^(över|under)skott\b.*\/\s*(över|under)skott|^differens\b|^(budget)?saldo\b|^kvar att fördela|intäkter\s*(minus|[-−–])\s*kostnader/;

export const isResultLabel = (n: string): boolean => RESULT.test(n);

/** A line that tells about another and is no budget line itself: "varav ESF-medel", "Antal deltagare". */
export const isMemoLabel = (n: string): boolean => /^(varav|därav|antal|årsarbetare)\b/.test(n);

export type TotalScope = "income" | "cost" | "sub" | "generic";

const TOTAL_START = /^(total\s*summa|totalsumma|totalt|total|summa|summering|s:a|delsumma|sum|totala)\b/;
const TOTAL_END = /\b(totalt|summa|sammanlagt)$/;
const INCOME_WORDS = /intäkt|inkomst|finansiering|medel\b/;
const COST_WORDS = /kostnad|utgift/;

/** The kind of stated total a label names, or null when it is no total. */
export function totalScopeOf(n: string): TotalScope | null {
  if (!TOTAL_START.test(n) && !TOTAL_END.test(n)) return null;
  if (/^(summering|summa\s+av\s+ovan)/.test(n)) return "generic";
  if (COST_WORDS.test(n)) return "cost";
  if (INCOME_WORDS.test(n)) return "income";
  const rest = n.replace(TOTAL_START, "").replace(TOTAL_END, "").trim();
  if (/^delsumma/.test(n)) return "sub";
  return rest === "" || /^(summa|budget|belopp|kr|tkr|\(.*\)|[+-]?)$/.test(rest) ? "generic" : "sub";
}

/** A section row ("INTÄKTER", "Kostnader") sets income or cost for the rows under it. */
export function sectionOf(n: string): Section | null {
  if (/^(verksamhetens\s+|budgeterade\s+)?(intäkter|inkomster|finansiering)\b/.test(n)) return "income";
  // "Medel", "Tilldelade medel" as a heading without amounts: what the association has to spend.
  if (/^(tilldelade\s+|disponibla\s+|tillgängliga\s+)?medel$/.test(n)) return "income";
  if (/^(verksamhetens\s+|budgeterade\s+)?(kostnader|utgifter)\b/.test(n)) return "cost";
  return null;
}

const GROUP_WORDS: readonly (readonly [RegExp, BudgetGroup])[] = [
  // income
  [/finansiell(a)? ram|^(budget)?ram\b|budgetram|tilldelad(e)? (medel|ram)|ramanslag/, "finansiell ram"],
  [
    /medlemsbidrag|medlemsavgift|^bidrag\b|bidrag från|\bbidrag (fk|af|staten|region|kommun)/,
    "medlemsbidrag",
  ],
  [
    /eget kapital|^(över|under)skott\b.*(\d{4}|från|fördela|tidigare|föregående|ingående|balanser|tas i anspråk)|ingående|balanserat|ackumulerat|tidigare års|föregående års|sparade medel/,
    "eget kapital",
  ],
  [
    /intäkt|inkomst|ränta|esf[- ]?(medel|bidrag|stöd|finansiering)|^esf$|socialfond|projektmedel|externa medel|extern finansiering/,
    "övriga intäkter",
  ],
  // cost: the specific groups before the broad ones
  [/revision|revisor/, "revision"],
  [
    /ekonomiadm|ekonomitjänst|ekonomisk administration|redovisning|bokföring|löneadministration/,
    "ekonomiadministration",
  ],
  [/styrelse|arvode|ledamot|presidium|förbundsstämma|ägarsamråd/, "styrelse"],
  [/utvärdering|följeforskning|effektmätning/, "utvärdering"],
  [
    /insats|projekt|kartläggning|förebyggande|rehabilitering|arbetsträning|coach|föreläsning|utbildning|kompetensutveckling|metodutveckling|samverkansteam|aktivitet|köp av tjänst|^verksamhet(er|en)?$/,
    "insatser",
  ],
  [
    /kansli|\badm\b|administration|administrativ|tjänsteman|tjänstemän|förbundschef|verksamhetsledare|\blön|personal|lokal|hyra|kontor|telefon|resor|försäkring(?!skass)|porto|\bit\b|\bdata/,
    "kansli och administration",
  ],
  // Words that really mean other: "Övriga kostnader", "Oförutsett", "Reserv".
  [/^övrig|\bövriga\b|oförutse|^reserv\b|^buffert\b|^diverse$/, "övrigt"],
];

/** A cost by its words, but not which one ("Kostnader", "Driftkostnad"): an insats unless a heading says. */
const COST_ONLY = /kostnad|utgift/;

/** Groups a cost line may name together ("Styrelse och revision"); an insats word only qualifies them. */
const COMBINABLE: ReadonlySet<BudgetGroup> = new Set([
  "revision",
  "ekonomiadministration",
  "styrelse",
  "utvärdering",
  "kansli och administration",
]);

/** The patterns of the groups a cost line may name together, in GROUP_WORDS's order. */
const COMBINABLE_WORDS = GROUP_WORDS.filter(([, group]) => COMBINABLE.has(group));

const NONE: readonly BudgetGroup[] = Object.freeze([]);

/** The group a label's own budget words name (a member's bare name aside), or null. */
export function groupNamed(
  n: string,
  combined: readonly BudgetGroup[] = combinedGroups(n),
): BudgetGroup | null {
  if (combined.length > 0) return combined[0]!;
  for (const [pattern, group] of GROUP_WORDS) if (pattern.test(n)) return group;
  if (COST_ONLY.test(n)) return "insatser";
  return null;
}

/** The group a label names by its words, or null when the words say nothing. */
export function groupOfWords(n: string, named: BudgetGroup | null = groupNamed(n)): BudgetGroup | null {
  if (named) return named;
  // A member's name as a line of a budget is its contribution ("Försäkringskassan", "Region Örebro län").
  const member = memberOf(n);
  if (member && member !== "övriga" && n.length <= 60) return "medlemsbidrag";
  return null;
}

/** A cost line is an insats unless its words say otherwise: that is where a förbund's money goes. */
export const defaultGroup = (section: Section): BudgetGroup =>
  section === "income" ? "övriga intäkter" : "insatser";

/** True when the words say cost ("Övriga kostnader", "Utgifter"). */
export const saysCost = (n: string): boolean => COST_ONLY.test(n);

/** True when the words say cost and nothing more ("Kostnader", "Driftkostnad"). */
export const isBareCost = (n: string): boolean =>
  COST_ONLY.test(n) && GROUP_WORDS.every(([pattern]) => !pattern.test(n));

/**
 * The cost groups a label names, in the order its words name them, where it names more than one
 * ("Styrelse och revision" → styrelse, revision); words inside another group's word do not count
 * ("ekonomiadministration" is no administration).
 */
export function combinedGroups(n: string): readonly BudgetGroup[] {
  const found: { group: BudgetGroup; start: number; end: number }[] = [];
  for (const [pattern, group] of COMBINABLE_WORDS) {
    const m = pattern.exec(n);
    if (m) found.push({ group, start: m.index, end: m.index + m[0].length });
  }
  // Most lines name one group or none: nothing to order, and no new list per line.
  if (found.length < 2) return NONE;
  found.sort((a, b) => a.start - b.start);
  const groups: BudgetGroup[] = [];
  let end = -1;
  for (const f of found) {
    if (f.start < end) continue;
    end = f.end;
    if (!groups.includes(f.group)) groups.push(f.group);
  }
  return groups.length > 1 ? groups : NONE;
}

const MEMBER_WORDS: readonly (readonly [RegExp, Member])[] = [
  [/försäkringskass|arbetsförmedling|\bstaten\b|\bstatlig|\bfk\b|\baf\b|^fk\s*\/\s*af/, "staten"],
  [/region|landsting|hälso-? och sjukvård|hälsa-? och sjukvård|sjukvårdsnämnd|\bvgr\b/, "regionen"],
  [/kommun|\bstad\b|stadsdel/, "kommunerna"],
  [/\besf\b|socialfond|övrig|överskott|eget kapital|ränta/, "övriga"],
];

/** The member a contributions line names, or null when the words name none. */
export function memberOf(n: string): Member | null {
  for (const [pattern, member] of MEMBER_WORDS) if (pattern.test(n)) return member;
  return null;
}

/** Words that make a table a contributions table ("Bidrag i tkr", "Medlemsbidrag"). */
export const isContributionsCaption = (n: string): boolean =>
  /bidrag|medlemsavgift|fördelning mellan|finansiärer|huvudmän/.test(n);

/** Words that say a header-less block is a budget ("Planerad budget", "Kostnader"). */
export const isBudgetWord = (n: string): boolean =>
  /budget|kostnad|intäkt|verksamhetsplan|finansiering|\bkr\b|\btkr\b|kronor/.test(n);
