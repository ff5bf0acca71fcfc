import { plain } from "../phrase";
import picturesJson from "./pictures.json";

// The save-as-PNG button's words: a catalogue of its own, as the button is in the JavaScript of every page with a map or chart.
export const PICTURES = plain(picturesJson);
