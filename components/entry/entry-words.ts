"use client";

import { createContext, useContext } from "react";
import { ENTRY } from "@/lib/i18n/messages/entry";
import { byLocale, pick } from "@/lib/i18n/phrase";

/** The entry page's words in one language (lib/i18n/messages/entry.ts), handed down by context. */
export const entryWords = byLocale((locale) => pick(locale, ENTRY));

export type EntryWords = ReturnType<typeof entryWords>;

export const EntryWordsContext = createContext<EntryWords>(entryWords("vi"));

export function useEntryWords(): EntryWords {
  return useContext(EntryWordsContext);
}
