/**
 * Rendering, as pure functions: Arrow tables and JS rows to HTML tables, text grids and mime
 * bundles. Depends only on the arrow layer, apache-arrow and an HTML escaper.
 */
export { rowsBundle, tableBundle, type TableMimeBundle } from "./mimeBundle";
export { rowsToHtml, rowsToText, tableToHtml, tableToText } from "./tables";
export { cellText } from "./table/cells";
export { DEFAULT_MAX_CELL_CHARS, type TableOptions } from "./table/options";
export { TABLE_CLASS } from "./table/html";
export { formatBytes, progressBundle, type StageProgress } from "./progress";
