// The one place numbers and dates are formatted and read, for pages, exports and the browser.
export * from "./dates";
export * from "./numbers";
export * from "./search-key";
