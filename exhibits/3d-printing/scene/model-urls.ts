/** The printer model (scripts/models/kit-printer.ts through the model pipeline). */
export const PRINTER_URL = new URL('../assets/models/printer.glb', import.meta.url).href
