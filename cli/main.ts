/**
 * The `samsyn` command line: every command, its options and --lang, declared in one place.
 * Each command loads its own modules when it runs, so `inspect` never pays for the service,
 * the database drivers or the playground.
 */
import { Command, Option } from "commander";
import { SamsynError } from "../shared/failures";
import type { Lang } from "../shared/messages";
import { PERIOD_EXAMPLES, YEAR_EXAMPLE } from "../shared/period";
import { EXIT, failureOf, runCommand, usageFailure } from "./failure";

// The language of every line the command writes, --lang en or Swedish, read before commander.
const lang: Lang = process.argv.some(
  (a, i) => a === "--lang=en" || (a === "en" && process.argv[i - 1] === "--lang"),
)
  ? "en"
  : "sv";

const HELP_TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Användning / usage:",
  "Arguments:": "Argument / arguments:",
  "Options:": "Flaggor / options:",
  "Commands:": "Kommandon / commands:",
  "Global Options:": "Flaggor för alla kommandon / global options:",
};

const program = new Command("samsyn")
  .description(
    "Samsyn – budget- och deltagararbetsböcker för samordningsförbund / budget and participant workbooks",
  )
  // Commander's own English error line is not written: usageFailure says it (below).
  .configureOutput({ outputError: () => {} })
  // The help is in both languages, as every description in it is; the commands inherit this.
  .helpOption("-h, --help", "visa hjälpen / display help")
  .helpCommand("help [command]", "visa hjälpen för ett kommando / display help for a command")
  .configureHelp({
    styleTitle: (title) => HELP_TITLES[title] ?? title,
    optionDescription: (option) => {
      const extra = [
        option.argChoices ? `val / choices: ${option.argChoices.join(", ")}` : null,
        option.defaultValue !== undefined && (option.required || option.optional)
          ? `standard / default: ${option.defaultValue}`
          : null,
      ].filter((x) => x !== null);
      return extra.length > 0 ? `${option.description} (${extra.join("; ")})` : option.description;
    },
  });

const langOption = () =>
  new Option("--lang <lang>", "språk för meddelanden / message language").choices(["sv", "en"]).default("sv");
const periodHelp = `period (${Object.values(PERIOD_EXAMPLES).join(", ")})`;

interface WithLang {
  readonly lang: Lang;
}

program
  .command("inspect")
  .description("visa tabeller, summor och kontroller / show tables, totals and checks")
  .argument("<file>", "arbetsbok (.xlsx)")
  .option("--json", "maskinläsbar JSON / machine-readable JSON")
  .option("--period <period>", `deltagarnas nyckeltal för / participants' key figures for: ${periodHelp}`)
  .addOption(langOption())
  .action(async (file: string, opts: WithLang & { json?: boolean; period?: string }) => {
    const { inspectFile, emit } = await import("./inspect");
    emit(
      await inspectFile(file, {
        lang: opts.lang,
        ...(opts.json ? { json: true } : {}),
        ...(opts.period ? { participants: { period: opts.period } } : {}),
      }),
    );
  });

program
  .command("convert")
  .description("skriv en arbetsbok med riktiga Excel-tabeller / write a workbook with real Excel tables")
  .argument("<file>", "arbetsbok (.xlsx)")
  .requiredOption("-o, --out <file>", "ny arbetsbok / output workbook")
  .option("--period <period>", `deltagarnas nyckeltal för / participants' key figures for: ${periodHelp}`)
  .addOption(langOption())
  .action(async (file: string, opts: WithLang & { out: string; period?: string }) => {
    const { convertFile, emit } = await import("./inspect");
    emit(
      await convertFile(file, opts.out, {
        lang: opts.lang,
        ...(opts.period ? { participants: { period: opts.period } } : {}),
      }),
    );
  });

program
  .command("uppfoljning")
  .description(
    "det förbundsadministratören för in i Uppföljning Finsam, med cellerna det kommer från / the figures for the national follow-up, with their cells",
  )
  .argument("<file>", "arbetsbok (.xlsx)")
  .requiredOption("--year <year>", `året / the year (${YEAR_EXAMPLE})`)
  .option("--json", "maskinläsbar JSON / machine-readable JSON")
  .addOption(langOption())
  .action(async (file: string, opts: WithLang & { year: string; json?: boolean }) => {
    const { uppfoljningFile } = await import("./uppfoljning");
    const { emit } = await import("./inspect");
    emit(
      await uppfoljningFile(file, { year: opts.year, lang: opts.lang, ...(opts.json ? { json: true } : {}) }),
    );
  });

program
  .command("serve")
  .description("starta tjänsten och nätverkets sida / start the service and the network's page")
  .option("--port <port>", "port (0 = valfri ledig / any free)", process.env.PORT ?? "3000")
  .option("--host <host>", "adress att lyssna på / address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--data <dir>", "datamapp för den inbyggda databasen / embedded database folder")
  .addOption(langOption())
  .action((opts: WithLang & { port: string; host: string; data?: string }) =>
    runCommand(opts.lang, async () => (await import("./serve")).serve(opts, opts.lang)),
  );

program
  .command("association")
  .description("förbund / associations")
  .command("add")
  .description("lägg till ett förbund och skriv ut dess id och nyckel / add an association")
  .argument("<name>", "förbundets namn / the association's name")
  .requiredOption("--orgnr <orgnr>", "organisationsnummer")
  .option("--data <dir>", "datamapp / data folder")
  .addOption(langOption())
  .action((name: string, opts: WithLang & { orgnr: string; data?: string }) =>
    runCommand(opts.lang, async () => (await import("./association")).addAssociation(name, opts)),
  );

program
  .command("push")
  .description("skicka arbetsbokens rapporter till tjänsten / push the workbook's reports")
  .argument("<file>", "arbetsbok (.xlsx)")
  .requiredOption("--to <url>", "tjänstens adress / service URL")
  .requiredOption("--association <id>", "förbundets id / the association's id")
  .requiredOption("--token <token>", "förbundets nyckel / the association's token")
  .option("--period <period>", `skicka under / file under: ${periodHelp}`)
  .addOption(langOption())
  .action(
    (file: string, opts: WithLang & { to: string; association: string; token: string; period?: string }) =>
      runCommand(opts.lang, async () => (await import("./push")).push(file, opts, opts.lang)),
  );

program
  .command("playground")
  .description(
    "aktivitetsfönstret i webbläsaren över en arbetsbok, utan Excel / the task pane in a browser, without Excel",
  )
  .argument("[file]", "arbetsbok att börja med (.xlsx) / workbook to start with")
  .option("--port <port>", "port", "4000")
  .option("--host <host>", "adress att lyssna på / address to listen on", "127.0.0.1")
  .option(
    "--service <url>",
    "Samsyn-tjänsten / the Samsyn service (SAMSYN_SERVICE_URL, http://127.0.0.1:3000)",
  )
  .addOption(langOption())
  .action((file: string | undefined, opts: WithLang & { port: string; host: string; service?: string }) =>
    runCommand(opts.lang, async () => (await import("./playground")).playground(file, opts, opts.lang)),
  );

program
  .command("manifest")
  .description("skriv tilläggets manifest för en driftsättning / write the add-in manifest for a deployment")
  .requiredOption("--url <url>", "tjänstens https-adress / the service's https address")
  .option("-o, --out <file>", "manifestfil / manifest file (standard: skriv ut / default: print)")
  .option(
    "--id <guid>",
    "tilläggets id / the add-in's id (standard: härlett ur adressen / default: from the URL)",
  )
  .addOption(langOption())
  .action((opts: WithLang & { url: string; out?: string; id?: string }) =>
    runCommand(opts.lang, async () => (await import("./manifest")).writeManifest(opts)),
  );

/**
 * A usage error (an unknown command or option, a missing argument) is a failure of the one
 * model: one line in the language of --lang, and exit 2 as every unusable input is. Set on every
 * command, each knowing its own name for the line's hint.
 */
function sayUsageErrors(command: Command, path: string): void {
  command.exitOverride((err) => {
    const failure = usageFailure(err.code, err.message, path);
    if (!failure) process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.unreadable);
    const { exitCode, line } = failureOf(new SamsynError(failure), lang);
    process.stderr.write(`${line}\n`);
    process.exit(exitCode);
  });
  for (const sub of command.commands) sayUsageErrors(sub, path ? `${path} ${sub.name()}` : sub.name());
}
sayUsageErrors(program, "");

// Every command catches its own failures; this is for one that escapes, said the same way.
await runCommand(lang, async () => {
  await program.parseAsync(process.argv);
});
