/** A table that may be wider than the page, in a region keyboard users can reach and scroll. */
import { makeStyles } from "@griffel/react";
import type { ReactNode } from "react";

const useStyles = makeStyles({ scroll: { overflowX: "auto", maxWidth: "100%" } });

export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className={styles.scroll} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
