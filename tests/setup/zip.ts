import yazl from "yazl";

type Entries = Iterable<[string, Buffer | string]> | Record<string, Buffer | string>;

/** A zip archive of the entries in the order given (an .xlsx is one), in memory. */
export function zip(entries: Entries): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  const list = Symbol.iterator in entries ? entries : Object.entries(entries);
  for (const [name, content] of list as Iterable<[string, Buffer | string]>)
    archive.addBuffer(Buffer.from(content), name);
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (c: Buffer) => chunks.push(c));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}
