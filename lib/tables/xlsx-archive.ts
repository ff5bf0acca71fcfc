import "server-only";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import { TableFormatError } from "./table-error";

export type ArchiveBounds = { zipEntries: number; unzippedBytes: number; unzippedEntryBytes: number };

/** An opened .xlsx: its parts by lower-cased name (part names are case-insensitive), readable in any order. */
export type Archive = { zip: yauzl.ZipFile; parts: Map<string, yauzl.Entry> };

export const SAVE_AGAIN = "lưu lại bằng Excel rồi thử lại";

const broken = (error: unknown) =>
  new TableFormatError(`tệp Excel bị hỏng (${(error as Error).message}); ${SAVE_AGAIN}.`);

/**
 * Opens an .xlsx through its central directory, so parts are found by name whatever their order in the
 * file. Entries are counted and their declared sizes checked against the bounds; yauzl stops any part
 * whose real size passes the declared one as it is read, so a "zip bomb" ends at the limit, and parts
 * never read are never decompressed. The caller closes the archive.
 */
export async function openArchive(input: { path: string } | { buffer: Buffer }, bounds: ArchiveBounds) {
  let zip: yauzl.ZipFile;
  try {
    // No autoClose: parts are opened after the directory has been read.
    zip =
      "path" in input
        ? await yauzl.openPromise(input.path, { autoClose: false })
        : await yauzl.fromBufferPromise(input.buffer);
  } catch {
    throw new TableFormatError(
      "không phải tệp Excel .xlsx hợp lệ (không mở được dạng nén); lưu lại bằng Excel rồi thử lại.",
    );
  }
  try {
    if (zip.entryCount > bounds.zipEntries)
      throw new TableFormatError(`tệp Excel có ${zip.entryCount} phần, nhiều nhất ${bounds.zipEntries}.`);
    const parts = new Map<string, yauzl.Entry>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > bounds.unzippedEntryBytes || total > bounds.unzippedBytes)
        throw new TableFormatError(
          `tệp Excel giải nén ra hơn ${Math.round(bounds.unzippedBytes / 1024 / 1024)} MB; lưu thành CSV hoặc chia nhỏ tệp.`,
        );
      parts.set(entry.fileName.toLowerCase(), entry);
    }
    return { zip, parts } satisfies Archive;
  } catch (error) {
    zip.close();
    throw error instanceof TableFormatError ? error : broken(error);
  }
}

export type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
  /** Most characters the parser may hold between two pieces of markup (a text, a tag with its attributes). */
  runLimit: number;
  /** Throws the message for a run past runLimit, naming where it is. */
  tooLong: () => never;
};

/** An element's name without its namespace prefix: some writers spell <x:row>, the same element as <row>. */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Feeds one part to a fresh XML parser chunk by chunk, yielding after each chunk so the caller hands on
 * what the handlers collected before more is read. Returning early destroys the part's stream.
 */
export async function* feedPart(archive: Archive, name: string, handlers: XmlHandlers): AsyncGenerator<void> {
  const entry = archive.parts.get(name.toLowerCase());
  if (!entry) throw new TableFormatError(`không đọc được tệp Excel: thiếu phần ${name}; ${SAVE_AGAIN}.`);
  const parser = new SaxesParser();
  // saxes keeps in memory everything since its last event: `mark` is where that was.
  let mark = 0;
  parser.on("opentag", (tag) => {
    mark = parser.position;
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on("closetag", (tag) => {
    mark = parser.position;
    handlers.close?.(localName(tag.name));
  });
  const text = (value: string) => {
    mark = parser.position;
    handlers.text?.(value);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.on("comment", () => {
    mark = parser.position;
  });
  const write = (chunk: string | null) => {
    try {
      parser.write(chunk);
    } catch (error) {
      if (error instanceof TableFormatError) throw error;
      throw new TableFormatError(
        `không đọc được tệp Excel: phần ${name} không đúng dạng XML (${(error as Error).message}); ${SAVE_AGAIN}.`,
      );
    }
    if (parser.position - mark > handlers.runLimit) handlers.tooLong();
  };

  let stream: Readable;
  try {
    stream = await archive.zip.openReadStreamPromise(entry);
  } catch (error) {
    throw broken(error);
  }
  const decoder = new StringDecoder("utf8");
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        // yauzl hands out at most 64 KiB at a time, so the run check after each chunk stays tight.
        next = await chunks.next();
      } catch (error) {
        throw broken(error);
      }
      if (next.done) break;
      write(decoder.write(next.value));
      yield;
    }
    write(decoder.end());
    write(null);
    yield;
  } finally {
    stream.destroy();
  }
}

/** Reads a whole (small) part: the workbook, its relationships, shared strings, styles. */
export async function readPart(archive: Archive, name: string, handlers: XmlHandlers): Promise<void> {
  for await (const _ of feedPart(archive, name, handlers)) {
    // The handlers keep what they need.
  }
}
