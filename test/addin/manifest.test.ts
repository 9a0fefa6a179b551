/** manifest.xml as Office reads it: fields checked with office-addin-manifest (offline), the requirement set with xmllint. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { REQUIRED_EXCEL_API } from "../../addin/excel/host";

const MANIFEST = resolve("manifest.xml");
const xpath = (expr: string) =>
  execFileSync("xmllint", ["--xpath", expr, MANIFEST], { encoding: "utf8" }).trim();

describe("manifest.xml", () => {
  it("is an Excel task pane served by the Samsyn service, asking for what the code needs", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect({
      id: info.id,
      version: info.version,
      type: info.officeAppType,
      hosts: info.hosts,
      source: info.defaultSettings?.sourceLocation,
      permissions: info.permissions,
      locale: info.defaultLocale,
      name: info.displayName,
    }).toEqual({
      id: "5b0c7c4e-8f2a-4d63-9a51-2f3e6c1d9a70",
      version: "1.0.0.0",
      type: "TaskPaneApp",
      hosts: ["Workbook"],
      source: "https://localhost:3000/addin/taskpane.html",
      permissions: "ReadWriteDocument",
      locale: "sv-SE",
      name: "Samsyn",
    });
    // The requirement set is the one the adapter is written against.
    expect(xpath("string(//*[local-name()='Set'][@Name='ExcelApi']/@MinVersion)")).toBe(REQUIRED_EXCEL_API);
    expect(xpath("string(//*[local-name()='Action']/@*[local-name()='type'])")).toBe("ShowTaskpane");
  });

  it("names icons that exist in addin/assets, served under /addin/assets/", () => {
    const urls = xpath(
      "//*[local-name()='Image' or local-name()='IconUrl' or local-name()='HighResolutionIconUrl']/@DefaultValue",
    )
      .split(/\s+/)
      .map((attr) => /"(.*)"/.exec(attr)?.[1] ?? "")
      .filter(Boolean);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/localhost:3000\/addin\/assets\/icon-\d+\.png$/);
      expect(existsSync(resolve("addin/assets", url.split("/").at(-1)!))).toBe(true);
    }
  });
});
