// What a chart looks like once Vega has laid it out, measured without a browser: its spec is
// compiled by vega-lite (with a frontend's theme config, as vega-embed passes one) and run by a
// headless Vega view; the scenegraph then holds every axis, label, tick and title as drawn.
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { VegaLiteSpec } from "../../src/render";

/** A text item as drawn: its text, angle, fill and axis-aligned bounds. */
export interface SceneText {
  readonly text: string;
  readonly angle: number;
  readonly fill: string | undefined;
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}

/** An axis as drawn: where it is, its title, and its ticks' values and labels. */
export interface SceneAxis {
  readonly orient: string;
  readonly title: string | undefined;
  /** The values at the ticks: numbers on a continuous axis, the categories on a discrete one. */
  readonly tickValues: readonly unknown[];
  readonly labels: readonly SceneText[];
}

/** The measured chart. */
export interface ChartScene {
  /** The view's background color (`null` or `"transparent"`: none). */
  readonly background: string | null;
  readonly axes: readonly SceneAxis[];
  /** The lines of the chart's title and of its subtitle. */
  readonly title: readonly string[];
  readonly subtitle: readonly string[];
  /** The labels of the legends' entries. */
  readonly legendLabels: readonly string[];
  /** Every text drawn outside the data marks (axes, legends, titles), with its fill. */
  readonly guideTexts: readonly SceneText[];
  /** The stroke colors of every guide rule (axis domains, ticks, grid lines) and of the view's frame. */
  readonly guideStrokes: readonly string[];
  /** The data marks, by the name Vega-Lite gives them ("marks", "layer_0_marks"): their type and each item's datum. */
  readonly marks: ReadonlyMap<string, { readonly type: string; readonly data: readonly Record<string, unknown>[] }>;
}

/** A scenegraph node: a mark (with items) or an item (with, for groups, child marks). */
interface Node {
  readonly marktype?: string;
  readonly name?: string;
  readonly role?: string;
  readonly aria?: boolean;
  readonly items?: readonly Node[];
  readonly datum?: Record<string, unknown>;
  readonly text?: string | readonly string[];
  readonly angle?: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly orient?: string;
  readonly description?: string;
  readonly bounds?: { x1: number; x2: number; y1: number; y2: number };
}

const lines = (text: string | readonly string[] | undefined): string[] =>
  text === undefined ? [] : typeof text === "string" ? [text] : [...text];

function sceneText(item: Node): SceneText {
  const b = item.bounds ?? { x1: NaN, x2: NaN, y1: NaN, y2: NaN };
  return { text: lines(item.text).join("\n"), angle: item.angle ?? 0, fill: item.fill, x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
}

/**
 * Lays `spec` out headless and measures it. `config` plays a frontend's theme: vega-embed
 * compiles Vega-Lite with its theme as the base config, which the spec's own config overrides.
 */
export async function chartScene(spec: VegaLiteSpec, config: object = {}): Promise<ChartScene> {
  const compiled = vegaLite.compile(spec as import("vega-lite").TopLevelSpec, { config: config }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    await view.runAsync();
    const axes: SceneAxis[] = [];
    const title: string[] = [];
    const subtitle: string[] = [];
    const legendLabels: string[] = [];
    const guideTexts: SceneText[] = [];
    const guideStrokes: string[] = [];
    const marks = new Map<string, { type: string; data: Record<string, unknown>[] }>();
    const walk = (mark: Node): void => {
      const role = mark.role ?? "";
      const items = mark.items ?? [];
      if (role === "axis") {
        for (const group of items) {
          const parts = new Map((group.items ?? []).map((m) => [m.role ?? "", m]));
          const label = parts.get("axis-label");
          if (!label) continue; // the grid-only axis Vega-Lite adds under the real one
          axes.push({
            orient: group.orient ?? "?",
            title: parts.get("axis-title")?.items?.map((t) => lines(t.text).join(" "))[0],
            tickValues: (parts.get("axis-tick")?.items ?? []).map((t) => t.datum?.value),
            labels: (label.items ?? []).map(sceneText),
          });
        }
      }
      if (role === "title-text") title.push(...items.flatMap((t) => lines(t.text)));
      if (role === "title-subtitle") subtitle.push(...items.flatMap((t) => lines(t.text)));
      if (role === "legend-label") legendLabels.push(...items.map((t) => lines(t.text).join(" ")));
      if (mark.marktype === "text" && role !== "mark") guideTexts.push(...items.map(sceneText));
      if ((mark.marktype === "rule" && role.startsWith("axis")) || role === "frame") {
        for (const item of items) if (item.stroke !== undefined) guideStrokes.push(item.stroke);
      }
      if (role === "mark" && mark.marktype !== "group") {
        marks.set(mark.name ?? "?", { type: mark.marktype ?? "?", data: items.map((i) => i.datum ?? {}) });
      }
      for (const item of items) for (const child of (item.items ?? []) as Node[]) walk(child);
    };
    walk((view.scenegraph() as unknown as { root: Node }).root);
    return { background: view.background(), axes, title, subtitle, legendLabels, guideTexts, guideStrokes, marks };
  } finally {
    view.finalize();
  }
}

/** The axis at `orient` ("bottom", "left"), which a test expects to be there. */
export function axisAt(scene: ChartScene, orient: string): SceneAxis {
  const axis = scene.axes.find((a) => a.orient === orient);
  if (!axis) throw new Error(`no ${orient} axis; axes: ${scene.axes.map((a) => a.orient).join(", ")}`);
  return axis;
}

/** Whether two level texts' boxes overlap (or touch). */
export function overlap(a: SceneText, b: SceneText): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
