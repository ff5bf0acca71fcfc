import type { AuditRow } from "@/lib/audit/list-audit";
import type { formatsFor } from "@/lib/i18n/locale";
import type { StaffMessages } from "@/lib/i18n/staff-messages";

type Words = {
  t: StaffMessages["audit"];
  roles: StaffMessages["roles"];
  kinds: StaffMessages["indicators"]["kinds"];
  f: ReturnType<typeof formatsFor>;
};

/** An empty cell is left out of a phone's card (the table keeps it, with its dash). */
const PHONE_HIDDEN = "hidden md:table-cell";

const KIND_LOOK = {
  entry: "bg-slate-100 text-slate-800",
  import: "bg-amber-100 text-amber-900",
  admin: "bg-sky-100 text-sky-900",
} as const;

/** One field of an indicator's or an account's change, in the viewer's words. */
function fieldText(key: string, value: unknown, { t, roles, kinds, f }: Words): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? t.yesNo.yes : t.yesNo.no;
  if (Array.isArray(value)) return value.join("; ");
  if (key === "role") return roles[value as keyof typeof roles] ?? String(value);
  if (key === "kind") return kinds[String(value)] ?? String(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return f.date(value);
  return String(value);
}

/** A stored value as the log shows it: a figure, a report's status, or the fields an admin changed. */
function describeValue(value: unknown, words: Words): string {
  if (value === null || value === undefined) return "–";
  const v = value as Record<string, unknown>;
  if (typeof v.value === "number") return words.f.count(v.value);
  if (typeof v.status === "string") {
    const status = words.t.statuses[v.status] ?? v.status;
    // An unlock says why.
    return typeof v.reason === "string" ? `${status} · ${words.t.fields.reason}: ${v.reason}` : status;
  }
  return Object.entries(v)
    .filter(([key]) => key !== "code" && key !== "username" && key !== "version" && key !== "source")
    .map(([key, field]) => `${words.t.fields[key] ?? key}: ${fieldText(key, field, words)}`)
    .join(" · ");
}

/** What the change was about: its indicator, or the account or indicator an admin changed. */
function subjectOf(r: AuditRow, indicatorName: (code: string) => string | null): string {
  const v = (r.newValue ?? r.oldValue) as { username?: string; code?: string } | null;
  if (r.entity === "user") return v?.username ?? "–";
  if (r.indicator) return r.entity === "indicator" ? r.indicator : (indicatorName(r.indicator) ?? r.indicator);
  return "–";
}

/**
 * The log's rows: a table on wide screens, one card per change on a phone (each cell then
 * shows its column's name), from the same markup.
 */
export function AuditRows({
  rows,
  words,
  indicatorName,
}: {
  rows: AuditRow[];
  words: Words;
  indicatorName: (code: string) => string | null;
}) {
  const { t } = words;
  // A long value (an e-mail address, a list of fields) breaks anywhere rather than widening a phone's card.
  const cell =
    "block p-1 [overflow-wrap:anywhere] md:table-cell md:p-2 before:font-semibold before:text-slate-600 md:before:content-none";
  const labelled = (i: number) => ({
    "data-label": `${t.columns[i]}: `,
    className: `${cell} before:content-[attr(data-label)]`,
  });
  return (
    <div className="rounded md:overflow-x-auto md:border md:border-slate-200 md:bg-white">
      <table className="block w-full text-sm md:table">
        <thead className="hidden bg-slate-50 text-left md:table-header-group">
          <tr>
            {t.columns.map((label, i) => (
              <th key={label} scope="col" className={`p-2 ${i === 5 || i === 6 ? "text-right" : ""}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-2 md:table-row-group md:space-y-0">
          {rows.map((r) => {
            const source = (r.newValue as { source?: string } | null)?.source;
            const file = source?.replace(/^(upload|import):/, "");
            // Figures and targets are numbers; an admin's change is a list of fields.
            const align = r.kind === "admin" ? "" : "tabular-nums md:text-right";
            const day =
              (r.newValue as { asOf?: string; week?: string } | null)?.asOf ??
              (r.newValue as { week?: string } | null)?.week;
            return (
              <tr
                key={r.id}
                data-kind={r.kind}
                className="block rounded border border-slate-200 bg-white p-2 md:table-row md:rounded-none md:border-0 md:border-t md:p-0"
              >
                <td {...labelled(0)} className={`${labelled(0).className} md:whitespace-nowrap`}>
                  {words.f.moment(r.at)}
                </td>
                <td {...labelled(1)}>{r.actor}</td>
                <td {...labelled(2)}>
                  {t.actions[`${r.entity}:${r.action}`] ?? t.actions[r.action] ?? r.action}{" "}
                  <span className={`whitespace-nowrap rounded px-1 text-xs ${KIND_LOOK[r.kind]}`}>
                    {t.kinds[r.kind]}
                    {r.kind === "import" && file && file !== "import" && file !== "demo"
                      ? ` · ${t.fromFile} ${file}`
                      : ""}
                  </span>
                </td>
                <td {...labelled(3)} className={`${labelled(3).className} ${r.unitCode ? "" : PHONE_HIDDEN}`}>
                  {r.unitCode ? (
                    <>
                      {r.unitName} <span className="text-slate-500">({r.unitCode})</span>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td {...labelled(4)}>{subjectOf(r, indicatorName)}</td>
                <td
                  {...labelled(5)}
                  className={`${labelled(5).className} ${align} ${r.oldValue == null ? PHONE_HIDDEN : ""}`}
                >
                  {describeValue(r.oldValue, words)}
                </td>
                <td {...labelled(6)} className={`${labelled(6).className} ${align}`}>
                  {describeValue(r.newValue, words)}
                </td>
                <td {...labelled(7)} className={`${labelled(7).className} ${day ? "" : PHONE_HIDDEN}`}>
                  {day ? words.f.date(day) : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
