/** What a signed-in token sees: the status's failure if any, then the view chosen. */
import type { Lang } from "../../shared/messages";
import { later } from "../../ui/later";
import type { Session } from "../api";
import { FailureBar } from "../components/FailureBar";
import type { PageStrings } from "../strings";
import type { PageSession } from "../useSession";

// Each view a chunk of its own, loaded when first opened: the comparison with its charts, the
// history, the administration; the sign-in form shows without any of them.
const StatusView = later(() => import("./StatusView").then((m) => m.StatusView));
const ComparisonView = later(() => import("./ComparisonView").then((m) => m.ComparisonView));
const HistoryView = later(() => import("./HistoryView").then((m) => m.HistoryView));
const AdminView = later(() => import("./AdminView").then((m) => m.AdminView));

export interface SessionViewsProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly session: Session;
  readonly page: PageSession;
}

export function SessionViews({ strings, lang, session, page }: SessionViewsProps) {
  const { view, status } = page;
  return (
    <>
      {page.statusFailure && (
        <FailureBar
          failure={page.statusFailure}
          strings={strings}
          lang={lang}
          onDismiss={page.dismissStatusFailure}
        />
      )}
      {view === "status" && (
        <StatusView
          strings={strings}
          lang={lang}
          status={status}
          onRefresh={() => void page.loadStatus(session.api)}
        />
      )}
      {view === "comparison" && (
        <ComparisonView strings={strings} lang={lang} api={session.api} status={status} />
      )}
      {view === "history" && <HistoryView strings={strings} lang={lang} session={session} status={status} />}
      {view === "admin" && session.me.kind === "admin" && (
        <AdminView
          strings={strings}
          lang={lang}
          api={session.api}
          status={status}
          onChanged={() => void page.loadStatus(session.api)}
        />
      )}
    </>
  );
}
