// How a chart fits the notebook it is drawn in, light or dark. JupyterLab draws Vega-Lite with
// vega-embed and, when its theme is dark at the moment it draws, passes Vega's "dark" theme (a
// #333 box); a chart drawn in the light theme keeps Vega-Lite's white box after a switch to dark,
// and outputs are not drawn again. So the charts here carry their own look, which the spec's
// `config` gives over any theme a frontend passes: no background (the notebook's shows through),
// and every guide (axes, legends, titles) drawn in `currentColor`, the text color of the element
// the chart sits in, which JupyterLab's themes set. Drawn as SVG, that color is CSS and follows a
// theme switch at once; on a canvas it would be fixed when drawn, hence `renderer: "svg"`, an
// embed option vega-embed reads from the spec's `usermeta`. A static SVG shown as an image has no
// surrounding text color: `currentColor` is black there, as Vega's default guides are.

/** The color guides are drawn in: the text color around the chart. */
export const INK = "currentColor";

/** Opacities that keep guides behind the data on either background (Vega's defaults are greys on white). */
const GRID_OPACITY = 0.15;
const RULE_OPACITY = 0.55;

/**
 * The Vega-Lite `config` of every chart made here: a transparent background and guides in the
 * surrounding text color, so that a chart reads on JupyterLab's light and dark themes (and VS
 * Code's), before and after a switch.
 */
export const NOTEBOOK_CONFIG = {
  background: "transparent",
  view: { stroke: INK, strokeOpacity: GRID_OPACITY },
  axis: {
    domainColor: INK,
    domainOpacity: RULE_OPACITY,
    tickColor: INK,
    tickOpacity: RULE_OPACITY,
    gridColor: INK,
    gridOpacity: GRID_OPACITY,
    labelColor: INK,
    titleColor: INK,
  },
  legend: { labelColor: INK, titleColor: INK },
  title: { color: INK, subtitleColor: INK },
  // Vega's dark theme colors guide text through these styles; they are set too, so that no
  // theme's text color remains anywhere.
  style: { "guide-label": { fill: INK }, "guide-title": { fill: INK }, "group-title": { fill: INK }, "group-subtitle": { fill: INK } },
} as const;

/** What vega-embed (JupyterLab's, VS Code's) reads from a spec's `usermeta`: draw as SVG, whose colors are CSS. */
export const NOTEBOOK_USERMETA = { embedOptions: { renderer: "svg" } } as const;
