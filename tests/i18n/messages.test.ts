import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { entryWords } from "@/components/entry/entry-words";
import { type Phrases, phrases, pick, plain } from "@/lib/i18n/phrase";
import { publicMessages } from "@/lib/i18n/public-messages";
import { ROLES } from "@/lib/i18n/role-names";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { tableMessages } from "@/lib/i18n/table-messages";

/** What a value looks like, without its words: the keys of objects, the length of lists, the arity of functions. */
function shape(value: unknown): unknown {
  if (typeof value === "function") return `function of ${value.length}`;
  if (typeof value === "string") return value.trim() === "" ? "empty string" : "string";
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, shape(v)]));
  return typeof value;
}

const FOLDER = path.join(import.meta.dirname, "../../lib/i18n/messages");

async function catalogues(): Promise<[string, Phrases<Record<string, unknown>>][]> {
  const found: [string, Phrases<Record<string, unknown>>][] = [["role-names ROLES", ROLES]];
  for (const file of readdirSync(FOLDER).filter((f) => f.endsWith(".ts"))) {
    const module: Record<string, unknown> = await import(path.join(FOLDER, file));
    for (const [name, value] of Object.entries(module))
      found.push([`${file} ${name}`, value as Phrases<Record<string, unknown>>]);
  }
  return found;
}

/** The plain phrases kept as data, in JSON files beside their catalogues (and the roles' names): file, phrases. */
function jsonCatalogues(): [string, Record<string, unknown>][] {
  return [FOLDER, path.dirname(FOLDER)].flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .map((file): [string, Record<string, unknown>] => [
        file,
        JSON.parse(readFileSync(path.join(folder, file), "utf8")),
      ]),
  );
}

describe("the catalogues of phrases", () => {
  it("give every phrase in both languages, of the same shape", async () => {
    const all = await catalogues();
    expect(all.length).toBeGreaterThan(10);
    for (const [name, catalogue] of all) {
      for (const [key, phrase] of Object.entries(catalogue))
        expect(Object.keys(phrase).sort(), `${name}.${key}`).toEqual(["en", "vi"]);
      expect(shape(pick("en", catalogue)), name).toEqual(shape(pick("vi", catalogue)));
    }
  });

  it("keep their plain phrases in JSON with both languages as text, none overridden by the TypeScript beside it", async () => {
    const json = jsonCatalogues();
    expect(json.length).toBeGreaterThan(10);
    const all = (await catalogues()).map(([, catalogue]) => catalogue as Record<string, unknown>);
    for (const [file, entries] of json) {
      expect(Object.keys(entries).length, file).toBeGreaterThan(0);
      for (const [key, phrase] of Object.entries(entries)) {
        expect(Object.keys(phrase as object).sort(), `${file} ${key}`).toEqual(["en", "vi"]);
        for (const words of Object.values(phrase as object)) {
          expect(typeof words, `${file} ${key}`).toBe("string");
          expect((words as string).trim(), `${file} ${key}`).not.toBe("");
        }
      }
      const merged = all.find((catalogue) =>
        Object.entries(entries).every(([k, p]) => isDeepStrictEqual(catalogue[k], p)),
      );
      expect(merged, `${file}: a catalogue that gives every phrase of it as written there`).toBeDefined();
    }
  });

  it("assemble the pages' words with the same shape in both languages", () => {
    for (const words of [staffMessages, publicMessages, tableMessages, entryWords])
      expect(shape(words("en"))).toEqual(shape(words("vi")));
    expect(entryWords("en").locale).toBe("en");
    expect(staffMessages("en").users.columns.role).toBe("Role");
    expect(staffMessages("vi").roles.PROVINCE_ADMIN).toBe("Quản trị cấp tỉnh");
  });

  it("refuse, at compile time, a phrase missing a language or of another type in English", () => {
    const checked = [
      // @ts-expect-error: a phrase without its English does not compile
      phrases({ save: { vi: "Lưu số liệu" } }),
      // @ts-expect-error: nor one without its Vietnamese
      phrases({ save: { en: "Save figures" } }),
      // @ts-expect-error: nor one whose English is not what the Vietnamese is
      phrases({ count: { vi: (n: number) => `${n} ô`, en: "cells" } }),
      // @ts-expect-error: nor a JSON phrase without its English
      plain({ save: { vi: "Lưu số liệu" } }),
      // @ts-expect-error: nor one whose words are not text
      plain({ save: { vi: "Lưu số liệu", en: 3 } }),
    ];
    expect(checked).toHaveLength(5);
  });
});
