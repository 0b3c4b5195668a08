/**
 * Rendering, as pure functions: Arrow tables and JS rows to HTML tables, text grids and mime
 * bundles; chart data to Vega-Lite specs, and those to SVG. Of this package it imports only the
 * arrow layer (no gRPC, no DataFrame, no Jupyter); beyond apache-arrow it needs an HTML escaper
 * and get-east-asian-width, and loads the optional peers vega and vega-lite on the first SVG.
 */
export { rowsBundle, tableBundle, type TableMimeBundle } from "./mimeBundle";
export { rowsToHtml, rowsToText, tableToHtml, tableToText } from "./tables";
export { cellText } from "./table/cells";
export { DEFAULT_MAX_CELL_CHARS, SERVER_CUT_MARK, type TableOptions } from "./table/options";
export { TABLE_CLASS } from "./table/html";
export { fieldRef, fieldType, type ChartColumn, type ChartData, type ChartValue } from "./chart/chartData";
export { ChartValueConverter } from "./chart/chartValues";
export { chartSpec, withData, type ChartLook, type PlotKind } from "./chart/specs";
export type {
  VegaLiteChannel,
  VegaLiteData,
  VegaLiteEncoding,
  VegaLiteMark,
  VegaLiteSpec,
  VegaLiteStep,
  VegaLiteTitle,
} from "./chart/vegaLiteSpec";
export { chartBundle, chartSvg, compileWarnings, VEGA_LITE_MIME, type ChartBundle } from "./chart/chartBundle";
export { ChartAccessError, type ChartAccess, type ChartRenderOptions, type RefusedRead } from "./chart/chartAccess";
