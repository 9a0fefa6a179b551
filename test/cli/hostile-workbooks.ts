/**
 * Small generators of hostile .xlsx packages: a minimal valid workbook whose sheet XML (and
 * shared strings) the test writes, zipped here with node's zlib — so a 1.7 KB file can hold a
 * whole-sheet merge, and a few hundred kilobytes unpack to gigabytes.
 */
import { crc32, deflateRawSync } from "node:zlib";

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** A zip of deflated entries, as Excel writes them (no zip64, no data descriptors). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HostileSheet {
  /** Inside <sheetData>: rows and cells. */
  readonly sheetData?: string | Buffer;
  /** After </sheetData>: <mergeCells> and the like. */
  readonly after?: string;
  readonly dimension?: string;
  /** The <si> elements of xl/sharedStrings.xml, if any. */
  readonly sharedStrings?: string | Buffer;
}

/** A one-sheet workbook ("Budget") around the given XML. */
export function workbook(sheet: HostileSheet): Buffer {
  const strings = sheet.sharedStrings !== undefined;
  const sheetXml = Buffer.concat([
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
        `<dimension ref="${sheet.dimension ?? "A1:B3"}"/><sheetData>`,
    ),
    Buffer.from(
      sheet.sheetData ??
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Budget 2009</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>Kansli</t></is></c><c r="B2"><v>100</v></c></row>',
    ),
    Buffer.from(`</sheetData>${sheet.after ?? ""}</worksheet>`),
  ]);
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          (strings
            ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
            : "") +
          `</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          (strings
            ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
            : "") +
          `</Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheetXml },
  ];
  if (strings)
    entries.push({
      name: "xl/sharedStrings.xml",
      data: Buffer.concat([
        Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">`),
        Buffer.from(sheet.sharedStrings!),
        Buffer.from("</sst>"),
      ]),
    });
  return zip(entries);
}

/** `<mergeCell>`s in a `<mergeCells>` block. */
export const mergeCells = (refs: readonly string[]): string =>
  `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
