/** The `samsyn` command line: inspect and convert workbooks, run the service, push reports. */
import { Command, Option } from "commander";
import { registerPlaygroundCommand } from "../playground/command";
import type { Lang } from "../shared/messages";
import { type CommandOutput, convertFile, inspectFile } from "./commands/inspect";
import { registerManifestCommand } from "./commands/manifest";
import { registerServiceCommands } from "./commands/service-commands";

const program = new Command("samsyn")
  .description(
    "Samsyn – budget- och deltagararbetsböcker för samordningsförbund / budget and participant workbooks",
  )
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

const langOption = new Option("--lang <lang>", "språk för meddelanden / message language")
  .choices(["sv", "en"])
  .default("sv");

function emit(output: CommandOutput): void {
  if (output.stdout) process.stdout.write(output.stdout);
  if (output.stderr) process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
}

program
  .command("inspect")
  .description("visa tabeller, summor och anmärkningar / show tables, totals and issues")
  .argument("<file>", "arbetsbok (.xlsx)")
  .option("--json", "maskinläsbar JSON / machine-readable JSON")
  .option(
    "--period <period>",
    "period för deltagarnas nyckeltal (2014, 2014-H1, 2014-Q3, 2014-05, 2013-2015)",
  )
  .addOption(langOption)
  .action(async (file: string, opts: { json?: boolean; period?: string; lang: Lang }) => {
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
  .option("--period <period>", "period för deltagarnas nyckeltal")
  .addOption(langOption)
  .action(async (file: string, opts: { out: string; period?: string; lang: Lang }) => {
    emit(
      await convertFile(file, opts.out, {
        lang: opts.lang,
        ...(opts.period ? { participants: { period: opts.period } } : {}),
      }),
    );
  });

registerServiceCommands(program);
registerPlaygroundCommand(program);
registerManifestCommand(program);

program.exitOverride((err) => {
  process.exit(err.exitCode === 0 ? 0 : 2);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`samsyn: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  process.exitCode = 2;
}
