import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { importUpload } from "@/lib/imports/import-upload";
import { actorAt, requestId, writeFingerprint } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";

const prisma = connectTestDatabase();

beforeAll(async () => {
  await loadSmallWorld(prisma);
});

function upload(kind: "figures" | "targets", mode: "preview" | "import", csv: string, id = requestId()) {
  const form = new FormData();
  form.set("kind", kind);
  form.set("mode", mode);
  form.set("requestId", id);
  form.set("file", new File([csv], `${kind}.csv`, { type: "text/csv" }));
  return form;
}

describe("importing a file from the web", () => {
  it("previews without writing, refuses units outside the user's scope, then imports with audit", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const before = await writeFingerprint(prisma);
    const outside = await importUpload(
      prisma,
      district,
      upload(
        "figures",
        "preview",
        "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-05-14,500\n00004,CCCD_INTAKE,2023-05-14,600\n",
      ),
    );
    expect(outside.errors).toEqual([
      { line: 3, column: "unit_code", message: expect.stringContaining("ngoài phạm vi tài khoản") },
    ]);
    expect(outside.written).toBe(false);

    const csv = "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-05-14,500\n00002,CCCD_INTAKE,2023-05-14,300\n";
    const preview = await importUpload(prisma, district, upload("figures", "preview", csv));
    expect(preview).toMatchObject({ rows: 2, errors: [], written: false });
    expect(await writeFingerprint(prisma)).toEqual(before);

    const id = requestId();
    const imported = await importUpload(prisma, district, upload("figures", "import", csv, id));
    expect(imported).toMatchObject({ written: true, inserted: 2 });
    expect(await prisma.auditEntry.count({ where: { requestId: id, actor: district.username } })).toBe(2);
  });

  it("refuses rows in an approved week, like the entry page", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const commune = await prisma.unit.findFirstOrThrow({ where: { code: "00001" } });
    await prisma.weeklyReport.create({
      data: {
        unitId: commune.id,
        week: new Date("2023-04-30T00:00:00Z"),
        status: "APPROVED",
        submittedBy: "x",
        submittedAt: new Date(),
      },
    });
    const before = await writeFingerprint(prisma);
    // 2023-04-27 (a Thursday) belongs to the week ending Sunday 2023-04-30.
    const outcome = await importUpload(
      prisma,
      district,
      upload(
        "figures",
        "import",
        "unit_code,indicator,as_of,value\n00002,CCCD_INTAKE,2023-04-30,260\n00001,CCCD_INTAKE,2023-04-27,390\n",
      ),
    );
    expect(outcome.written).toBe(false);
    expect(outcome.errors).toEqual([
      { line: 3, column: "as_of", message: expect.stringContaining("đã được phê duyệt và khoá") },
    ]);
    expect(await writeFingerprint(prisma)).toEqual(before);
  });

  it("targets only for units below the user; a commune officer may not upload targets", async () => {
    const province = await actorAt(prisma, "PROVINCE_OFFICER", "01");
    const csv = (unit: string) =>
      `unit_code,indicator,target,deadline,directive,assigned_on\n${unit},CCCD_INTAKE,700,2027-06-30,KH 9/CAT,2026-01-05\n`;
    const own = await importUpload(prisma, province, upload("targets", "preview", csv("01")));
    expect(own.errors[0]?.message).toContain("ngoài phạm vi");
    const child = await importUpload(prisma, province, upload("targets", "import", csv("001")));
    expect(child).toMatchObject({ written: true, inserted: 1 });

    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    const before = await writeFingerprint(prisma);
    await expect(importUpload(prisma, commune, upload("targets", "import", csv("00001")))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await writeFingerprint(prisma)).toEqual(before);
  });

  it("a file that is not CSV or Excel is refused with what to do", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const form = upload("figures", "preview", "x");
    form.set("file", new File(["x"], "so-lieu.pdf"));
    await expect(importUpload(prisma, district, form)).rejects.toThrow(/\.csv hoặc \.xlsx/);
  });
});
