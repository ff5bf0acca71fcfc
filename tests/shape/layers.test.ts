// The shape of the code, checked: lib/'s folders in layers that import only downward (see
// lib/README.md), no import circles anywhere, and files short enough to read.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { circles, importGraph, ROOT, sourceFiles } from "./import-graph";

/** lib/'s folders from the bottom up, as lib/README.md describes them. Files at lib/'s root count as folders. */
const LAYERS: { name: string; folders: string[] }[] = [
  {
    name: "foundations",
    folders: ["format", "errors", "calendar", "env", "params", "db", "limits", "postgres", "mail", "tables", "i18n"],
  },
  { name: "vocabulary", folders: ["units", "indicators", "access", "audit", "figures"] },
  { name: "read model", folders: ["series"] },
  { name: "rankings and writes", folders: ["rankings", "writes"] },
  {
    name: "features",
    folders: [
      "auth",
      "unit-imports",
      "indicator-definitions",
      "entry",
      "targets",
      "imports",
      "leaderboard",
      "unit-profile",
      "dashboard",
      "reporting",
      "exports",
      "weekly-report",
      "map",
      "share-card",
      "quality",
      "reconciliation",
      "publication",
      "demo",
    ],
  },
  { name: "delivery", folders: ["http", "api", "actions", "cli", "ops"] },
];

const layerOf = new Map(LAYERS.flatMap((layer, i) => layer.folders.map((folder) => [folder, i] as const)));
const folderOf = (file: string) => file.split("/")[1]?.replace(/\.tsx?$/, "") as string;

const libFiles = sourceFiles("lib");
const allFiles = [...libFiles, ...sourceFiles("components", "app")];
const graph = importGraph(allFiles);

describe("the shape of the code", () => {
  it("places every folder of lib/ in a layer", () => {
    expect([...new Set(libFiles.map(folderOf))].filter((folder) => !layerOf.has(folder))).toEqual([]);
  });

  it("imports only downward: a folder of lib/ never imports one of a layer above it", () => {
    const upward: string[] = [];
    for (const file of libFiles) {
      for (const target of graph.get(file) ?? []) {
        if (!target.startsWith("lib/")) {
          upward.push(`${file} imports ${target}: lib/ never imports app/ or components/`);
          continue;
        }
        const [from, to] = [layerOf.get(folderOf(file)) ?? -1, layerOf.get(folderOf(target)) ?? -1];
        if (to > from)
          upward.push(`${file} (${LAYERS[from]?.name}) imports ${target} (${LAYERS[to]?.name}, a layer above)`);
      }
    }
    // A component may call its page's server actions (app/**/actions.ts), nothing else of app/.
    for (const file of allFiles.filter((f) => f.startsWith("components/"))) {
      for (const target of graph.get(file) ?? [])
        if (target.startsWith("app/") && !target.endsWith("/actions.ts"))
          upward.push(`${file} imports ${target}: components import only server actions from app/`);
    }
    expect(upward).toEqual([]);
  });

  it("has no import circles, between lib/'s folders or between any two files", () => {
    const folders = new Map<string, string[]>();
    for (const file of libFiles) {
      const targets = (graph.get(file) ?? []).filter((t) => t.startsWith("lib/")).map(folderOf);
      const from = folderOf(file);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...targets.filter((t) => t !== from)])]);
    }
    expect(circles(folders)).toEqual([]);
    expect(circles(graph)).toEqual([]);
  });

  it("keeps files short: lib/ at most 400 lines, app/ and components/ at most 300", () => {
    const long = allFiles.flatMap((file) => {
      const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n").length;
      const limit = file.startsWith("lib/") ? 400 : 300;
      return lines > limit ? [`${file}: ${lines} lines (at most ${limit})`] : [];
    });
    expect(long).toEqual([]);
  });

  it('writes "in force on a date" in one place only (lib/units/in-force.ts)', () => {
    const elsewhere = libFiles.filter((file) => {
      if (file === "lib/units/in-force.ts") return false;
      const text = readFileSync(path.join(ROOT, file), "utf8");
      return /valid_to IS NULL|validTo: null|valid_from <=|validFrom: \{ lte/.test(text);
    });
    expect(elsewhere).toEqual([]);
  });
});
