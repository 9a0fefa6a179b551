/** The views a token opens, as buttons; the current one marked for the eye and for a screen reader. */
import { Button } from "@fluentui/react-button";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import type { PageStrings } from "../strings";
import type { ViewName } from "../useSession";

export interface ViewNavProps {
  readonly strings: PageStrings;
  readonly views: readonly ViewName[];
  readonly view: ViewName;
  readonly onView: (view: ViewName) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function ViewNav({ strings, views, view, onView }: ViewNavProps) {
  const styles = useStyles();
  return (
    <nav className={styles.root} aria-label={strings.nav.label}>
      {views.map((name) => (
        <Button
          key={name}
          appearance={view === name ? "primary" : "secondary"}
          aria-current={view === name ? "page" : undefined}
          onClick={() => onView(name)}
        >
          {strings.nav[name]}
        </Button>
      ))}
    </nav>
  );
}
