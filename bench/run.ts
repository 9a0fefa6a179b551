/** `npm run bench`: every benchmark, one after the other, figures printed side by side with a baseline. */
export {};

const suites: [string, string][] = [
  ["CLI: inspect and convert", "./cli"],
  ["CLI start-up: whole processes beside Node + exceljs", "./startup"],
  ["Add-in through the fake Excel", "./addin"],
  ["Sync service", "./service"],
  ["Fidelity: generated messy budgets", "./fidelity"],
  ["Network page: the comparison in a browser", "./page"],
  [
    "First use: the pane and the page opened on a slow laptop, beside the build before issue 22",
    "./firstuse",
  ],
];

const only = process.argv.slice(2);
for (const [title, path] of suites) {
  if (only.length > 0 && !only.some((name) => path.includes(name))) continue;
  console.log(`\n=== ${title} ===`);
  const suite = (await import(path)) as { bench: () => Promise<void> };
  await suite.bench();
}
