import type { Locale } from "./locale";

/**
 * One phrase in both languages, side by side: `{ vi: "Lưu số liệu", en: "Save figures" }`, or two
 * functions for text with numbers or names in it. The type comes from the Vietnamese; the English
 * must match it (NoInfer keeps it from widening the type), and leaving either out does not compile.
 */
export type Phrase<T> = { readonly vi: T; readonly en: NoInfer<T> };

/** A catalogue of phrases: each key's value in both languages. */
export type Phrases<C> = { readonly [K in keyof C]: Phrase<C[K]> };

/** Declares a catalogue, checking every phrase for both languages (English functions take the Vietnamese one's types). */
export function phrases<C>(catalogue: Phrases<C>): Phrases<C> {
  return catalogue;
}

/**
 * The plain phrases of a catalogue kept as data, in a JSON file beside it:
 * `{ "save": { "vi": "Lưu số liệu", "en": "Save figures" } }`. Spread into `phrases({ ...plain(json), … })`.
 * The JSON's type must give every phrase both languages as text, or the import does not compile.
 */
export function plain<K extends string>(json: Record<K, Phrase<string>>): Phrases<Record<K, string>> {
  return json;
}

/** A catalogue in one language: `{ key: { vi, en } }` becomes `{ key: value }`, types kept. */
export function pick<C>(locale: Locale, catalogue: Phrases<C>): C {
  return Object.fromEntries(
    Object.entries<Phrase<unknown>>(catalogue as Record<string, Phrase<unknown>>).map(([key, phrase]) => [
      key,
      phrase[locale],
    ]),
  ) as C;
}

/** A catalogue used as one phrase of another: its whole value in each language (a map of names, say). */
export function asPhrase<C>(catalogue: Phrases<C>): Phrase<C> {
  return { vi: pick("vi", catalogue), en: pick("en", catalogue) };
}

/** Words built once for each language (`build("vi")`, `build("en")`), then handed out by locale. */
export function byLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const built = { vi: build("vi"), en: build("en") };
  return (locale) => built[locale];
}
