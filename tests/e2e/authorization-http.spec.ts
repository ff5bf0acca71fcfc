import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { httpClient } from "./staff";

// The week before the one entry.spec.ts walks through, so the two never see each other's approvals.
const OLD_WEEK = "2025-06-22";

// The authorization matrix over HTTP: every demo role × every write endpoint × the unit's
// relation to the user, with real session cookies. A refusal must be a 403 with nothing
// written (checked through the ministry's view of the unit before and after); an allowed
// request must get past authorization (it may still meet a business rule: 400/423).
// Expectations are written out by hand.

type Relation = "own" | "child" | "grandchild" | "parent" | "sibling" | "unrelated";
type Action = "save" | "submit" | "approve" | "unlock";

const ALLOWED: Record<string, string[]> = {
  "canbo.xa": ["save:own", "submit:own"],
  "canbo.huyen": ["save:own", "save:child", "submit:own", "submit:child", "approve:child", "unlock:child"],
  "canbo.hanoi": ["save:own", "save:child", "submit:own", "submit:child", "approve:child", "unlock:child"],
  "quantri.hanoi": ["save:own", "save:child", "submit:own", "submit:child", "approve:child", "unlock:child"],
  "canbo.tinhkhac": ["save:own", "save:child", "submit:own", "submit:child", "approve:child", "unlock:child"],
  "lanhdao.hanoi": [],
  "lanhdao.bo": [],
  "quantri.bo": ["save", "submit", "approve", "unlock"].flatMap((a) => [`${a}:child`, `${a}:grandchild`]),
  anonymous: [],
};

type Sheet = { week: string; rows: { code: string; hasChildren: boolean }[]; own: Row | null };
type Row = {
  code: string;
  status: string;
  hasChildren: boolean;
  cells: Record<string, { value: number | null; version: number }>;
};

let ministry: APIRequestContext;
const clients = new Map<string, APIRequestContext>();

async function sheet(unit: string, week?: string): Promise<Sheet> {
  const response = await ministry.get(
    `/api/v1/entry/sheet?${new URLSearchParams({ unit, ...(week ? { week } : {}) })}`,
  );
  expect(response.status()).toBe(200);
  return response.json();
}

test.beforeAll(async ({ baseURL }) => {
  for (const username of Object.keys(ALLOWED)) {
    clients.set(username, await httpClient(baseURL as string, username === "anonymous" ? undefined : username));
  }
  ministry = clients.get("quantri.bo") as APIRequestContext;
});

test.afterAll(async () => {
  for (const client of clients.values()) await client.dispose();
});

test("every role × write action × relation is decided by the unit's place relative to the user", async () => {
  test.setTimeout(180_000);
  const hanoi = await sheet("01");
  const week = hanoi.week;
  const hanoiCommunes = hanoi.rows.map((r) => r.code);
  const hcm = await sheet("79");
  const oldHanoi = await sheet("01", OLD_WEEK);
  const oldHcm = await sheet("79", OLD_WEEK);
  const ownCommune = "00004";
  const sibling = hanoiCommunes.find((c) => c !== ownCommune) as string;
  const hcmCommune = hcm.rows[0]?.code as string;

  const current = (units: Partial<Record<Relation, string>>) => ({ week, units });
  const plan: Record<string, { week: string; units: Partial<Record<Relation, string>> }> = {
    "canbo.xa": current({ own: ownCommune, parent: "01", sibling, unrelated: hcmCommune }),
    "canbo.huyen": {
      week: OLD_WEEK,
      units: {
        own: "001",
        child: "00001",
        parent: "01",
        sibling: oldHanoi.rows[1]?.code,
        unrelated: oldHcm.rows[0]?.code,
      },
    },
    "canbo.hanoi": current({ own: "01", child: ownCommune, sibling: "79", unrelated: hcmCommune }),
    "quantri.hanoi": current({ own: "01", child: sibling, sibling: "79", unrelated: hcmCommune }),
    "canbo.tinhkhac": current({ own: "79", child: hcmCommune, sibling: "01", unrelated: ownCommune }),
    "lanhdao.hanoi": current({ own: "01", child: ownCommune, sibling: "79", unrelated: hcmCommune }),
    "lanhdao.bo": current({ child: "01", grandchild: ownCommune }),
    "quantri.bo": current({ child: "79", grandchild: hcm.rows[1]?.code }),
    anonymous: current({ child: "01", grandchild: ownCommune }),
  };

  const checked: string[] = [];
  for (const [username, { week: onWeek, units }] of Object.entries(plan)) {
    const client = clients.get(username) as APIRequestContext;
    for (const action of ["save", "submit", "approve", "unlock"] as Action[]) {
      for (const [relation, code] of Object.entries(units) as [Relation, string][]) {
        const allowed = (ALLOWED[username] as string[]).includes(`${action}:${relation}`);
        const before = await sheet(code, onWeek);
        const target = before.own as Row;
        // An allowed save on a unit with units below it would give it a figure of its own,
        // which outranks its children's sum: the service-level matrix covers that case.
        if (action === "save" && allowed && target.hasChildren) continue;
        const cell = target.cells.CCCD_ISSUED as { value: number | null; version: number };
        const response =
          action === "save"
            ? await client.post("/api/v1/entry/figures", {
                data: {
                  requestId: randomUUID(),
                  week: onWeek,
                  entries: [
                    { unit: code, indicator: "CCCD_ISSUED", value: (cell.value ?? 0) + 3, version: cell.version },
                  ],
                },
              })
            : await client.post("/api/v1/entry/reports", {
                data: { requestId: randomUUID(), week: onWeek, unit: code, action, reason: "Kiểm tra quyền mở khoá" },
              });
        const label = `${username} ${action} ${relation} ${code} → ${response.status()}`;
        checked.push(label);
        if (allowed) {
          expect([401, 403], label).not.toContain(response.status());
          expect(response.status(), label).toBeLessThan(500);
        } else {
          expect(response.status(), label).toBe(username === "anonymous" ? 401 : 403);
          expect((await sheet(code, onWeek)).own, `${label}: nothing written`).toEqual(target);
        }
      }
    }
  }
  // 31 (user, relation) pairs × 4 actions, less the 5 allowed saves on units with units below.
  expect(checked.length).toBe(31 * 4 - 5);
});
