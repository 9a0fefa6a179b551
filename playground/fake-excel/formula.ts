/**
 * The part of Excel's formula grammar the fake checks when a formula is written: structured
 * references. Rules from Microsoft, "Using structured references with Excel tables"
 * (support.microsoft.com, section "Structured reference syntax rules"):
 * - a column name holding a special character (tab, line feed, carriage return, , : . [ ] # ' "
 *   { } $ ^ & * + = - > < /) must be in double brackets, Table[[2009-2010]]; a space alone needs none;
 * - inside a column name, [ ] # ' take an apostrophe before them, Table[['#Antal]];
 * - special items are #All, #Data, #Headers, #Totals, #This Row; @ stands for #This Row.
 * Excel refuses a formula breaking them (office.js: InvalidArgument); LibreOffice is lenient.
 */

const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;
const SPECIAL_ITEMS = new Set(["#all", "#data", "#headers", "#totals", "#this row"]);

/** Why Excel would refuse this formula's structured references, or null when it takes them. */
export function structuredReferenceError(formula: string): string | null {
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"') {
      // A string literal: "" is an escaped quote.
      i++;
      while (i < n && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: '' is an escaped apostrophe.
      i++;
      while (i < n && !(formula[i] === "'" && formula[i + 1] !== "'")) i += formula[i] === "'" ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "[" && i > 0 && /[A-Za-z0-9_.\\]/.test(formula[i - 1]!)) {
      const end = specifierEnd(formula, i);
      if (typeof end === "string") return end;
      const error = checkSpecifier(formula.slice(i + 1, end));
      if (error) return `${error} in ${formula.slice(i, end + 1)}`;
      i = end + 1;
      continue;
    }
    i++;
  }
  return null;
}

/** Index of the bracket closing the one at `open`, honouring apostrophe escapes. */
function specifierEnd(formula: string, open: number): number | string {
  let depth = 0;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    if (ch === "]" && --depth === 0) return i;
  }
  return "unclosed bracket";
}

/** The inside of Table[...]: one column name, a special item, or a list of bracketed items. */
function checkSpecifier(inner: string): string | null {
  const body = inner.trim();
  if (body.startsWith("[")) {
    // [[item],[item]] or [[a]:[b]]: each item is a column name in its own brackets.
    let i = 0;
    while (i < body.length) {
      if (body[i] !== "[") return `"${body[i]}" between items`;
      const end = specifierEnd(body, i);
      if (typeof end === "string") return end;
      const error = checkItem(body.slice(i + 1, end), true);
      if (error) return error;
      i = end + 1;
      while (i < body.length && /[\s,:]/.test(body[i]!)) i++;
    }
    return null;
  }
  return checkItem(body, false);
}

function checkItem(item: string, inBrackets: boolean): string | null {
  if (SPECIAL_ITEMS.has(item.toLowerCase())) return null;
  let bracketed = inBrackets;
  // @ is this row: Table[@Col], Table[@[Col-x]].
  let name = item.startsWith("@") ? item.slice(1) : item;
  if (name !== item && name.startsWith("[") && name.endsWith("]")) {
    name = name.slice(1, -1);
    bracketed = true;
  }
  // Unescaped [ ] # ' are refused anywhere in a name; escaped, they are special characters.
  let special = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === "'") {
      if (i + 1 >= name.length || !/['#[\]]/.test(name[i + 1]!)) return `"'" escapes nothing`;
      special = true;
      i++;
      continue;
    }
    if (/[#[\]]/.test(ch)) return `unescaped "${ch}"`;
    if (SPECIAL.test(ch)) special = true;
  }
  if (special && !bracketed) return `column "${name}" has a special character but single brackets`;
  return null;
}

/** A table's name right before its "[" (sticky: matched where the scan stands). */
const TABLE_NAME = /[A-Za-z_\\][A-Za-z0-9_.\\]*(?=\[)/y;

/**
 * The formula as Excel keeps it when some of its structured references name a table that does
 * not exist when it is written: each such reference becomes #REF! and stays so after the table
 * is made (what Excel does, as ClosedXML and XlsxWriter users report). Null when every table exists.
 */
export function withMissingTables(formula: string, exists: (table: string) => boolean): string | null {
  let out = "";
  let changed = false;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, doubled quote as escape: copied as it is.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch))
        j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    TABLE_NAME.lastIndex = i;
    const name = TABLE_NAME.exec(formula);
    if (name && (i === 0 || !/[A-Za-z0-9_.\\!]/.test(formula[i - 1]!))) {
      const open = i + name[0].length;
      const end = specifierEnd(formula, open);
      if (typeof end === "number" && !exists(name[0])) {
        out += "#REF!";
        changed = true;
        i = end + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return changed ? out : null;
}
