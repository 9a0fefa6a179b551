/**
 * manifest.xml as Office reads it: valid against Microsoft's manifest schemas (xmllint, offline;
 * the XSDs and their source in addin/manifest-schemas/), fields checked with office-addin-manifest,
 * and the production manifest `samsyn manifest` writes, validated the same way.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { REQUIRED_EXCEL_API } from "../../addin/excel/host";
import { deploymentId, productionManifest } from "../../cli/manifest";
import { samsyn } from "../support/cli";

const MANIFEST = resolve("manifest.xml");
const SCHEMA = resolve("addin/manifest-schemas/OfficeAppManifestV1_1.xsd");

/** xmllint's verdict on a manifest against the schemas: null when valid, else its first complaint. */
function schemaError(xml: string): string | null {
  const file = join(mkdtempSync(join(tmpdir(), "samsyn-manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
  return run.status === 0 ? null : (run.stderr.split("\n").find((l) => /error/i.test(l)) ?? run.stderr);
}
const xpath = (expr: string) =>
  execFileSync("xmllint", ["--xpath", expr, MANIFEST], { encoding: "utf8" }).trim();

describe("manifest.xml", () => {
  it("is valid against Microsoft's manifest schemas, which do refuse a broken one", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    expect(schemaError(xml)).toBeNull();
    // The schemas bite: elements out of order, a missing required one, a wrong permission.
    expect(
      schemaError(xml.replace(/(<Version>.*<\/Version>)\s*(<ProviderName>.*<\/ProviderName>)/, "$2$1")),
    ).toMatch(/ProviderName|Version/);
    expect(schemaError(xml.replace(/<DefaultLocale>.*<\/DefaultLocale>/, ""))).toMatch(
      /DefaultLocale|Description/,
    );
    expect(schemaError(xml.replace("ReadWriteDocument", "Everything"))).toMatch(/Permissions|Everything/);
  });

  it("for a deployment: every URL on the deployment's origin, an id of its own, and still valid", async () => {
    const xml = productionManifest(readFileSync(MANIFEST, "utf8"), "https://samsyn.example.se/");
    expect(schemaError(xml)).toBeNull();
    expect(xml).not.toContain("localhost");
    expect(xml).toContain("<AppDomain>https://samsyn.example.se</AppDomain>");
    expect(xml).toContain('<SourceLocation DefaultValue="https://samsyn.example.se/addin/taskpane.html"/>');
    const id = /<Id>(.*)<\/Id>/.exec(xml)![1];
    expect(id).toBe(deploymentId("https://samsyn.example.se"));
    expect(id).not.toBe("5b0c7c4e-8f2a-4d63-9a51-2f3e6c1d9a70");
    // Under a path too; http is refused (Excel loads add-ins over https only).
    expect(productionManifest(readFileSync(MANIFEST, "utf8"), "https://example.se/samsyn")).toContain(
      "https://example.se/samsyn/addin/taskpane.html",
    );
    expect(() => productionManifest(xml, "http://samsyn.example.se")).toThrow(/https/);

    const out = join(mkdtempSync(join(tmpdir(), "samsyn-manifest-")), "manifest.xml");
    const run = await samsyn(["manifest", "--url", "https://samsyn.example.se", "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(xml);
    const info = await OfficeAddinManifest.readManifestFile(out);
    expect([info.id, info.defaultSettings?.sourceLocation]).toEqual([
      id,
      "https://samsyn.example.se/addin/taskpane.html",
    ]);
    expect((await samsyn(["manifest", "--url", "http://x.se"])).code).toBe(2);
  });

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
