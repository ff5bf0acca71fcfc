/** Prisma `where` for units in force on a date: started on or before it and not ended before it. */
export function inForceOn(date: Date) {
  return { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gte: date } }] };
}
