/**
 * The administration, for the admin token: register an association, issue and revoke
 * association and network tokens with a label, see when each token was last used. A new
 * token's secret is shown once, with a copy button; the service's own message names a field
 * it refused ("Organisationsnumret … är ogiltigt").
 */

import { Button } from "@fluentui/react-button";
import { Field } from "@fluentui/react-field";
import { Input } from "@fluentui/react-input";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-message-bar";
import { Select } from "@fluentui/react-select";
import { Body1, Subtitle1, Title3 } from "@fluentui/react-text";
import { tokens } from "@fluentui/react-theme";
import { makeStyles } from "@griffel/react";
import { useCallback, useEffect, useState } from "react";
import type { Status, TokenInfo } from "../../shared/api";
import { asClientFailure, type ClientFailure } from "../../shared/client";
import type { Lang } from "../../shared/messages";
import { keyName } from "../../shared/sync";
import type { PageApi } from "../api";
import { FailureBar, failureText } from "../components/FailureBar";
import { ScrollRegion } from "../components/ScrollRegion";
import { formatDateTime } from "../format";
import type { PageStrings } from "../strings";
import { useTableStyles } from "./StatusView";

export interface AdminViewProps {
  readonly strings: PageStrings;
  readonly lang: Lang;
  readonly api: PageApi;
  readonly status: Status | null;
  /** An association was registered: the status is read again. */
  readonly onChanged: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "720px",
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  wide: { minWidth: "280px" },
  secret: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  secretInput: { minWidth: "min(100%, 560px)", fontFamily: tokens.fontFamilyMonospace },
});

interface Secret {
  readonly forWhom: string;
  readonly token: string;
  /** A new association's id, which `samsyn push --association` asks for. */
  readonly associationId?: string;
}

/** A new secret, shown once, with a copy button (navigator.clipboard). */
function SecretBox({ secret, strings }: { secret: Secret; strings: PageStrings }) {
  const styles = useStyles();
  const a = strings.admin;
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{a.secretOnce(secret.forWhom)}</MessageBarTitle>
        <div className={styles.secret}>
          {secret.associationId && (
            <Field label={a.associationId}>
              <Input
                className={styles.secretInput}
                readOnly
                value={secret.associationId}
                spellCheck={false}
              />
            </Field>
          )}
          <Field label={a.secretLabel}>
            <Input className={styles.secretInput} readOnly value={secret.token} spellCheck={false} />
          </Field>
          <Button
            onClick={() => {
              navigator.clipboard.writeText(secret.token).then(
                () => setCopied("yes"),
                () => setCopied("failed"),
              );
            }}
          >
            {copied === "yes" ? a.copied : a.copy}
          </Button>
        </div>
        <span role="status">{copied === "failed" ? a.copyFailed : copied === "yes" ? a.copied : ""}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

function RegisterForm({
  strings,
  lang,
  api,
  onRegistered,
}: {
  strings: PageStrings;
  lang: Lang;
  api: PageApi;
  onRegistered: (name: string, secret: Secret) => void;
}) {
  const styles = useStyles();
  const a = strings.admin;
  const [name, setName] = useState("");
  const [orgnr, setOrgnr] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const fieldError = (field: string) =>
    failure?.fields.some((f) => f.path === field) ? failureText(failure, strings, lang) : undefined;
  const fieldProps = (field: string) => {
    const message = fieldError(field);
    return message ? { validationState: "error" as const, validationMessage: message } : {};
  };
  const named = failure !== null && (fieldError("name") !== undefined || fieldError("orgnr") !== undefined);
  return (
    <form
      className={styles.card}
      aria-labelledby="register-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setFailure(null);
        api.createAssociation(name.trim(), orgnr.trim()).then(
          (created) => {
            onRegistered(name.trim(), {
              forWhom: name.trim(),
              token: created.token,
              associationId: created.id,
            });
            setName("");
            setOrgnr("");
            setBusy(false);
          },
          (err: unknown) => {
            setFailure(asClientFailure(err));
            setBusy(false);
          },
        );
      }}
    >
      <Subtitle1 as="h3" id="register-heading">
        {a.register}
      </Subtitle1>
      {failure && !named && <FailureBar failure={failure} strings={strings} lang={lang} />}
      <div className={styles.row}>
        <Field className={styles.wide} label={a.name} required {...fieldProps("name")}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label={a.orgnr} hint={a.orgnrHint} required {...fieldProps("orgnr")}>
          <Input value={orgnr} onChange={(_, d) => setOrgnr(d.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !orgnr.trim()}>
          {a.registerSubmit}
        </Button>
      </div>
    </form>
  );
}

export function AdminView({ strings, lang, api, status, onChanged }: AdminViewProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const a = strings.admin;
  const [tokenList, setTokenList] = useState<TokenInfo[] | null>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [associationId, setAssociationId] = useState("");
  const [associationLabel, setAssociationLabel] = useState("");
  const [networkLabel, setNetworkLabel] = useState("");
  const associations = [...(status?.associations ?? [])].sort((x, y) => x.name.localeCompare(y.name, "sv"));
  const nameOf = (id: string | null) => associations.find((x) => x.id === id)?.name ?? id ?? "";

  const loadTokens = useCallback(async () => {
    try {
      setTokenList(await api.tokens());
    } catch (e) {
      setFailure(asClientFailure(e));
    }
  }, [api]);
  useEffect(() => {
    void loadTokens();
  }, [loadTokens]);

  /** Runs an action, then reads the tokens again; its message shows once the list is up to date. */
  const run = async (action: () => Promise<string | undefined>) => {
    setFailure(null);
    setDone(null);
    let message: string | undefined;
    try {
      message = await action();
    } catch (e) {
      setFailure(asClientFailure(e));
    }
    await loadTokens();
    if (message) setDone(message);
  };

  const labelOf = (t: TokenInfo) => keyName(t, lang);

  return (
    <section className={styles.root} aria-labelledby="admin-heading">
      <Title3 as="h2" id="admin-heading">
        {a.heading}
      </Title3>
      {secret && <SecretBox key={secret.token} secret={secret} strings={strings} />}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <FailureBar failure={failure} strings={strings} lang={lang} onDismiss={() => setFailure(null)} />
      )}
      <RegisterForm
        strings={strings}
        lang={lang}
        api={api}
        onRegistered={(name, s) => {
          setSecret(s);
          setDone(a.registered(name));
          onChanged();
          void loadTokens();
        }}
      />
      <form
        className={styles.card}
        aria-labelledby="issue-association-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (!associationId) return;
          void run(async () => {
            const issued = await api.issueAssociationToken(associationId, associationLabel.trim() || null);
            const who = nameOf(associationId);
            setSecret({
              forWhom: associationLabel.trim() ? `${who} (${associationLabel.trim()})` : who,
              token: issued.token,
            });
            setAssociationLabel("");
            return undefined;
          });
        }}
      >
        <Subtitle1 as="h3" id="issue-association-heading">
          {a.issueAssociation}
        </Subtitle1>
        <div className={styles.row}>
          <Field label={a.association} required>
            <Select value={associationId} onChange={(_, d) => setAssociationId(d.value)}>
              <option value="">{a.chooseAssociation}</option>
              {associations.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.wide} label={a.label} hint={a.labelHint}>
            <Input value={associationLabel} onChange={(_, d) => setAssociationLabel(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={!associationId}>
            {a.issue}
          </Button>
        </div>
      </form>
      <form
        className={styles.card}
        aria-labelledby="issue-network-heading"
        onSubmit={(e) => {
          e.preventDefault();
          const label = networkLabel.trim();
          if (!label) return;
          void run(async () => {
            const issued = await api.issueNetworkToken(label);
            setSecret({ forWhom: `${a.scopes.network} (${label})`, token: issued.token });
            setNetworkLabel("");
            return undefined;
          });
        }}
      >
        <Subtitle1 as="h3" id="issue-network-heading">
          {a.issueNetwork}
        </Subtitle1>
        <div className={styles.row}>
          <Field className={styles.wide} label={a.label} hint={a.networkLabelHint} required>
            <Input value={networkLabel} onChange={(_, d) => setNetworkLabel(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={!networkLabel.trim()}>
            {a.issue}
          </Button>
        </div>
      </form>
      <section aria-labelledby="tokens-heading">
        <Subtitle1 as="h3" id="tokens-heading">
          {a.tokens}
        </Subtitle1>
        {tokenList === null ? null : tokenList.length === 0 ? (
          <Body1>{a.noTokens}</Body1>
        ) : (
          <ScrollRegion label={a.tokensName}>
            <table className={table.table} data-tokens>
              <caption className={table.caption}>{a.tokensName}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.label}</th>
                  <th scope="col">{a.scope}</th>
                  <th scope="col">{a.created}</th>
                  <th scope="col">{a.lastUsed}</th>
                  <th scope="col">{a.state}</th>
                  <th scope="col">
                    <span className={table.detail}>{a.revokeShort}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...tokenList]
                  .sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))
                  .map((t) => (
                    <tr key={t.id} data-token={t.id}>
                      <th scope="row" className={table.rowHeader}>
                        {labelOf(t)}
                      </th>
                      <td>{t.scope === "network" ? a.scopes.network : nameOf(t.associationId)}</td>
                      <td>{formatDateTime(t.createdAt, lang)}</td>
                      <td data-column="lastUsed">
                        {t.lastUsedAt ? formatDateTime(t.lastUsedAt, lang) : a.never}
                      </td>
                      <td>{t.revokedAt ? a.revokedAt(formatDateTime(t.revokedAt, lang)) : a.live}</td>
                      <td>
                        {t.revokedAt === null && (
                          <Button
                            size="small"
                            aria-label={a.revoke(labelOf(t))}
                            onClick={() =>
                              void run(async () => {
                                await api.revokeToken(t.id, t.scope === "network" ? null : t.associationId);
                                return a.revokedDone(labelOf(t));
                              })
                            }
                          >
                            {a.revokeShort}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </section>
  );
}
