/**
 * A name as a search compares it: lower case, without tone marks or other diacritics, đ as d,
 * spaces collapsed. "Xã Đắk Mil" and "xa dak mil" have the same key, so officers can type a
 * name the way a phone without a Vietnamese keyboard lets them.
 */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a name holds every word of the query, in any order ("mil dak" finds "Xã Đắk Mil"). */
export function matchesSearch(name: string, query: string): boolean {
  const words = searchKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const key = searchKey(name);
  return words.every((word) => key.includes(word));
}
