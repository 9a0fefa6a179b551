/**
 * A workbook's package deflated by Node's zlib. exceljs packs through JSZip, whose deflate is
 * JavaScript (pako) and starts afresh for each of a workbook's many parts; asked to store the
 * parts instead, exceljs hands over a plain zip, and this deflates each part natively, keeping
 * every name, checksum and date as exceljs wrote them.
 */
import { deflateRawSync } from "node:zlib";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 3: sizes in a descriptor after the data. Ours are always in the header. */
const DESCRIPTOR = 0x0008;

/** The zip `stored` (every part stored, as JSZip writes with compression "STORE") with each part deflated. */
export function deflateStoredZip(stored: Buffer): Buffer {
  const end = stored.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || stored.readUInt32LE(end) !== END) throw new Error("zip: no end of central directory");
  const count = stored.readUInt16LE(end + 10);
  let at = stored.readUInt32LE(end + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (stored.readUInt32LE(at) !== CENTRAL) throw new Error("zip: bad central directory");
    const nameLength = stored.readUInt16LE(at + 28);
    const extraLength = stored.readUInt16LE(at + 30);
    const commentLength = stored.readUInt16LE(at + 32);
    const central = Buffer.from(stored.subarray(at, at + 46 + nameLength + extraLength + commentLength));
    at += central.length;
    const method = central.readUInt16LE(10);
    const size = central.readUInt32LE(24);
    const localAt = central.readUInt32LE(42);
    if (method !== STORED || stored.readUInt32LE(localAt) !== LOCAL)
      throw new Error("zip: not a stored part");
    const dataAt = localAt + 30 + stored.readUInt16LE(localAt + 26) + stored.readUInt16LE(localAt + 28);
    const header = Buffer.from(stored.subarray(localAt, dataAt));
    // An empty part (a folder) stays stored: there is nothing to deflate.
    const data = size === 0 ? Buffer.alloc(0) : deflateRawSync(stored.subarray(dataAt, dataAt + size));
    const flags = header.readUInt16LE(6) & ~DESCRIPTOR;
    for (const [record, base] of [
      [header, 0],
      [central, 2],
    ] as const) {
      record.writeUInt16LE(flags, base + 6);
      record.writeUInt16LE(size === 0 ? STORED : DEFLATED, base + 8);
      record.writeUInt32LE(central.readUInt32LE(16), base + 14);
      record.writeUInt32LE(data.length, base + 18);
      record.writeUInt32LE(size, base + 22);
      // Version needed to extract: 2.0 for deflate.
      record.writeUInt16LE(Math.max(20, record.readUInt16LE(base + 4)), base + 4);
    }
    central.writeUInt32LE(offset, 42);
    locals.push(header, data);
    centrals.push(central);
    offset += header.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.from(stored.subarray(end, end + 22 + stored.readUInt16LE(end + 20)));
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, tail]);
}
