import { plain } from "../phrase";
import errorsJson from "./errors.json";

// The error page's words: a catalogue of its own, as the page is in every page's JavaScript.
export const ERRORS = plain(errorsJson);
