/** The checks: severity, message and cell of every issue; a click on the cell selects it in Excel. */
import { Badge } from "@fluentui/react-badge";
import { Button } from "@fluentui/react-button";
import { Body1 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { Issue } from "../../../shared/issues";
import { describeIssue, type Lang } from "../../../shared/messages";
import type { UiStrings } from "../strings";

export interface IssueListProps {
  readonly strings: UiStrings;
  readonly lang: Lang;
  readonly issues: readonly Issue[];
  readonly onSelect: (sheet: string, cell: string) => void;
}

/** A list of thousands of buttons would freeze the pane; the full list is written to a sheet. */
export const SHOWN_ISSUES = 200;

const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
  },
  cell: { gridColumn: "2", justifySelf: "start" },
});

export function IssueList({ strings, lang, issues, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) return <Body1>{strings.issues(0)}</Body1>;
  return (
    <>
      <Body1>{strings.issues(issues.length)}</Body1>
      <ul className={styles.list} aria-label={strings.tabs.issues}>
        {issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
          // Issues have no id of their own; their order is stable for a given reading.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} className={styles.item}>
            <Badge appearance="filled" color={COLOR[issue.severity]}>
              {strings.severity[issue.severity]}
            </Badge>
            <Body1>{describeIssue(issue, lang)}</Body1>
            {issue.cell && (
              <Button
                className={styles.cell}
                size="small"
                appearance="secondary"
                aria-label={strings.showCell(`${issue.sheet}!${issue.cell}`)}
                onClick={() => onSelect(issue.sheet, issue.cell!)}
              >
                {issue.cell}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN_ISSUES && <Body1>{strings.moreIssues(SHOWN_ISSUES, issues.length)}</Body1>}
    </>
  );
}
