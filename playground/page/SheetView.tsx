/**
 * A plain view of the fake workbook, as Excel would show it: sheet tabs, a grid of values (or
 * formula text), table areas tinted with their names listed, merged cells spanned, the
 * selection outlined. Clicking a tab activates the sheet and clicking a cell selects it, as in
 * Excel, so the pane reads what the user picked.
 */
import { Switch } from "@fluentui/react-switch";
import { Tab, TabList } from "@fluentui/react-tabs";
import { Caption1, Text } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles, mergeClasses } from "@griffel/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { dateFromExcelSerial } from "../../shared/calendar";
import { columnLetters, isDateFormat, type RangeAddress, rangeToA1 } from "../../shared/grid";
import type { Lang } from "../../shared/messages";
import type { FakeBook, FakeCell, FakeSheet } from "../fake-excel/book";
import { type Calculated, Calculator, isCalcError } from "../fake-excel/calculate";
import { fontsOf } from "../fake-excel/layout";
import type { PageStrings } from "./strings";

/** Beyond this the view clips: it is for looking, not for scrolling through 50 000 rows. */
const MAX_SHOWN_ROWS = 300;
const MAX_SHOWN_COLS = 40;
/** An empty or small sheet still looks like a sheet. */
const MIN_ROWS = 20;
const MIN_COLS = 8;

export interface SheetViewProps {
  readonly book: FakeBook;
  /** Bumped after every change, so the view reads the book again. */
  readonly version: number;
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly onActivate: (sheet: FakeSheet) => void;
  readonly onSelect: (sheet: FakeSheet, range: RangeAddress) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  tabs: { overflowX: "auto", minWidth: 0, maxWidth: "100%" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  chip: {
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteBlueBackground2,
    border: `1px solid ${tokens.colorPaletteBlueBorderActive}`,
  },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "240px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    minWidth: "72px",
    padding: "2px 4px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    padding: "2px 6px",
    minWidth: "32px",
  },
  corner: { left: 0, zIndex: 3, minWidth: "32px" },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "240px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
    height: "20px",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // Text runs on over empty cells to its right, as in Excel, instead of being cut at its column.
  spills: { overflow: "visible", textOverflow: "clip", position: "relative", zIndex: 1 },
  formula: { color: tokens.colorPaletteBerryForeground2 },
  inTable: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  tableHeader: {
    backgroundColor: tokens.colorPaletteBlueBorderActive,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  note: { boxShadow: `inset -6px 6px 0 -3px ${tokens.colorPaletteRedBorderActive}` },
});

/**
 * A number as its format shows it: thousands grouped only where the format groups ("#,##0"),
 * with the decimals it asks for; General shows the number plainly (a year stays "2023").
 */
export function numberText(value: number, format: string | null | undefined, lang: Lang): string {
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const section = (format ?? "").split(";")[0]!;
  if (!section || /^general$/i.test(section))
    return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 9 }).format(value);
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, {
    useGrouping: section.includes(","),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** What Excel shows: a formula's calculated value (its text under "Visa formler"), else the value. */
function shownValue(cell: FakeCell, value: Calculated, showFormulas: boolean, lang: Lang): string {
  if (cell.formula && showFormulas) return cell.formula;
  if (isCalcError(value)) return value.error;
  if (value === null) return "";
  if (typeof value === "boolean")
    return lang === "sv" ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (isDateFormat(cell.numberFormat)) return dateFromExcelSerial(value).toISOString().slice(0, 10);
    if (cell.numberFormat?.includes("%"))
      return `${numberText(value * 100, cell.numberFormat.replace("%", ""), lang)} %`;
    return numberText(value, cell.numberFormat, lang);
  }
  return value;
}

interface Layout {
  readonly rows: number;
  readonly cols: number;
  readonly clipped: boolean;
  /** "row:col" → the table it lies in and whether it is the header row. */
  readonly tableCells: Map<string, { name: string; header: boolean }>;
  /** Top-left "row:col" of a merge → its span; covered cells are listed to be skipped. */
  readonly spans: Map<string, { rows: number; cols: number }>;
  readonly covered: Set<string>;
}

function layoutOf(book: FakeBook, sheet: FakeSheet): Layout {
  const used = sheet.usedRange(false);
  let lastRow = used?.end.row ?? -1;
  let lastCol = used?.end.col ?? -1;
  const tables = book.tables.filter((t) => t.sheet === sheet);
  for (const t of tables) {
    lastRow = Math.max(lastRow, t.range.end.row);
    lastCol = Math.max(lastCol, t.range.end.col);
  }
  const rows = Math.min(Math.max(lastRow + 2, MIN_ROWS), MAX_SHOWN_ROWS);
  const cols = Math.min(Math.max(lastCol + 2, MIN_COLS), MAX_SHOWN_COLS);
  const tableCells = new Map<string, { name: string; header: boolean }>();
  for (const t of tables)
    for (let r = t.range.start.row; r <= Math.min(t.range.end.row, rows - 1); r++)
      for (let c = t.range.start.col; c <= Math.min(t.range.end.col, cols - 1); c++)
        tableCells.set(`${r}:${c}`, { name: t.name, header: r === t.range.start.row });
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    if (m.start.row >= rows || m.start.col >= cols) continue;
    const endRow = Math.min(m.end.row, rows - 1);
    const endCol = Math.min(m.end.col, cols - 1);
    spans.set(`${m.start.row}:${m.start.col}`, {
      rows: endRow - m.start.row + 1,
      cols: endCol - m.start.col + 1,
    });
    for (let r = m.start.row; r <= endRow; r++)
      for (let c = m.start.col; c <= endCol; c++)
        if (r !== m.start.row || c !== m.start.col) covered.add(`${r}:${c}`);
  }
  return { rows, cols, clipped: lastRow + 1 > rows || lastCol + 1 > cols, tableCells, spans, covered };
}

/** A column's width as Excel draws it: points to pixels (96 / 72); null where the sheet sets none. */
const widthPx = (sheet: FakeSheet, col: number): number | null => {
  const points = sheet.columnWidths.get(col);
  return points === undefined ? null : Math.round(points / 0.75);
};

const inRange = (range: RangeAddress | undefined, r: number, c: number) =>
  range !== undefined &&
  r >= range.start.row &&
  r <= range.end.row &&
  c >= range.start.col &&
  c <= range.end.col;

export function SheetView({ book, version, strings, lang, onActivate, onSelect }: SheetViewProps) {
  const styles = useStyles();
  const [showFormulas, setShowFormulas] = useState(false);
  const anchor = useRef<{ row: number; col: number } | null>(null);
  const scroller = useRef<HTMLElement>(null);
  const sheet = book.active ?? book.sheets[0] ?? null;
  // Calculated afresh after every change (version), as Excel recalculates.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the book's changes.
  const calc = useMemo(() => new Calculator(book), [book, version]);
  const selection = book.selection && book.selection.sheet === sheet ? book.selection.range : undefined;
  const selectionKey = selection ? `${sheet?.name}!${rangeToA1(selection)}` : "";

  // When the pane selects a cell (an issue's "Visa cell"), bring it into view as Excel does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the selection.
  useEffect(() => {
    scroller.current
      ?.querySelector("[data-selected-start]")
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectionKey]);

  if (!sheet) return null;
  const layout = layoutOf(book, sheet);
  const tables = book.tables.filter((t) => t.sheet === sheet);
  const select = (row: number, col: number, extend: boolean) => {
    const from = extend && anchor.current ? anchor.current : { row, col };
    if (!extend) anchor.current = { row, col };
    onSelect(sheet, {
      start: { row: Math.min(from.row, row), col: Math.min(from.col, col) },
      end: { row: Math.max(from.row, row), col: Math.max(from.col, col) },
    });
  };

  /** A column's header at the sheet's own width, as Excel draws it. */
  const headStyle = (c: number) => {
    const width = widthPx(sheet, c);
    return width === null ? undefined : { width: `${width}px`, minWidth: `${width}px` };
  };

  const body = [];
  for (let r = 0; r < layout.rows; r++) {
    const cells = [];
    for (let c = 0; c < layout.cols; c++) {
      const key = `${r}:${c}`;
      if (layout.covered.has(key)) continue;
      const cell = sheet.cell(r, c);
      const table = layout.tableCells.get(key);
      const span = layout.spans.get(key);
      const address = `${columnLetters(c)}${r + 1}`;
      const note = sheet.notes.get(address);
      const value = cell ? calc.value(sheet, r, c) : null;
      const text = cell ? shownValue(cell, value, showFormulas, lang) : "";
      const selected = inRange(selection, r, c);
      const width = span && span.cols > 1 ? null : widthPx(sheet, c);
      const spills =
        typeof value === "string" &&
        !table &&
        !span &&
        c + 1 < layout.cols &&
        sheet.cell(r, c + 1) === undefined &&
        !layout.tableCells.has(`${r}:${c + 1}`);
      const font = fontsOf(sheet).get(key);
      const look = {
        ...(cell?.fill && !table?.header ? { backgroundColor: cell.fill } : {}),
        ...(width !== null ? { maxWidth: `${width}px` } : {}),
        ...(sheet.bold.has(key) ? { fontWeight: 600 } : {}),
        ...(font?.italic ? { fontStyle: "italic" } : {}),
      };
      cells.push(
        <td
          key={key}
          rowSpan={span?.rows}
          colSpan={span?.cols}
          title={[cell?.formula, note].filter(Boolean).join("\n") || undefined}
          data-address={address}
          data-selected-start={
            selection && r === selection.start.row && c === selection.start.col ? "" : undefined
          }
          data-selected={selected ? "" : undefined}
          className={mergeClasses(
            styles.cell,
            typeof value === "number" && !(cell?.formula && showFormulas) && styles.number,
            spills && !showFormulas && styles.spills,
            cell?.formula ? styles.formula : undefined,
            table && (table.header ? styles.tableHeader : styles.inTable),
            note && styles.note,
            selected && styles.selected,
          )}
          style={Object.keys(look).length > 0 ? look : undefined}
          onMouseDown={(event) => select(r, c, event.shiftKey)}
        >
          {text}
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className={styles.rowHead}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <section className={styles.root} aria-label={strings.sheets} data-version={version}>
      <div className={styles.bar}>
        <TabList
          className={styles.tabs}
          aria-label={strings.sheets}
          selectedValue={sheet.name}
          onTabSelect={(_, data) => {
            const next = book.sheet(String(data.value));
            if (next) onActivate(next);
          }}
        >
          {book.sheets.map((s) => (
            <Tab key={s.name} value={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
        <Switch
          label={strings.showFormulas}
          checked={showFormulas}
          onChange={(_, data) => setShowFormulas(data.checked)}
        />
      </div>
      <div className={styles.legend}>
        <Caption1>{strings.tablesLegend}:</Caption1>
        {tables.length === 0 ? (
          <Caption1>{strings.noTables}</Caption1>
        ) : (
          tables.map((t) => (
            <Text key={t.name} size={200} className={styles.chip}>
              {t.name} ({rangeToA1(t.range)})
            </Text>
          ))
        )}
        {layout.clipped && <Caption1>{strings.clipped(layout.rows, layout.cols)}</Caption1>}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, or the keyboard cannot scroll it (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <section className={styles.scroller} ref={scroller} aria-label={strings.gridRegion} tabIndex={0}>
        <table className={styles.grid} aria-label={strings.gridLabel(sheet.name)}>
          <thead>
            <tr>
              <td className={mergeClasses(styles.head, styles.corner)} />
              {Array.from({ length: layout.cols }, (_, c) => (
                <th key={columnLetters(c)} scope="col" className={styles.head} style={headStyle(c)}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </section>
    </section>
  );
}
