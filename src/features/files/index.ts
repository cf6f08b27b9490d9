/** Files the browser saves for staff (exports, downloads). */
export { saveFile } from './save-file.ts'
