/** Shows an issue's cell: activates its sheet and selects it (one round trip). */
import type { ExcelHost } from "./host";

export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
