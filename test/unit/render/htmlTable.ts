// Reads the HTML the renderer made back with a real, spec-following HTML parser (parse5, which
// parses as browsers do), so tests see what a browser would build from it: which elements and
// attributes exist, and the text of each cell.
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** How a cell's text is aligned, as the table's own `<style>` block says. */
export type Align = "left" | "right";

/** One header cell: the column's name and the type line under it. */
export interface HeaderCell {
  readonly name: string;
  readonly type: string | undefined;
  readonly style: string | undefined;
  readonly title: string | undefined;
  /** The title of the type line, if any. */
  readonly typeTitle: string | undefined;
  readonly align: Align;
}

/** One body cell as a browser holds it. */
export interface BodyCell {
  /** The cell's text content. */
  readonly text: string;
  readonly title: string | undefined;
  readonly style: string | undefined;
  readonly align: Align;
  /** Whether the cell shows a null (the renderer's null marker, an `<i>` saying "NULL"). */
  readonly isNull: boolean;
  /** Whether the cell carries the mark of a value cut on the server (a `<span>` holding ✂). */
  readonly cutOnServer: boolean;
}

/** What a browser builds from the renderer's HTML. */
export interface ParsedTable {
  /** Every element's tag name, in document order. */
  readonly elements: readonly string[];
  /** Every attribute's name, in document order. */
  readonly attributes: readonly string[];
  /** The parse errors (code names): none for well-formed output. */
  readonly errors: readonly string[];
  /** The outer element's classes. */
  readonly classes: readonly string[];
  /** The text of the `<style>` element, if any. */
  readonly css: string | undefined;
  /** The inline style of the element the table scrolls in (the table's parent), if any. */
  readonly boxStyle: string | undefined;
  readonly caption: string | undefined;
  readonly header: readonly HeaderCell[];
  readonly rows: readonly (readonly BodyCell[])[];
  /** The text after the table's scroll box (the note on cut rows). */
  readonly note: string | undefined;
  /** Each note after the table's scroll box (on cut rows, on cells cut on the server), one per element. */
  readonly notes: readonly string[];
  /** The text a reader sees of the whole fragment (the `<style>` block's text left out). */
  readonly text: string;
}

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childElements(node: Element): Element[] {
  return node.childNodes.filter(isElement);
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

/** The text a reader sees: a `<style>` element's text is not shown. */
function shownTextOf(node: Node): string {
  if (isElement(node) && node.tagName === "style") return "";
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in node ? node.childNodes.map(shownTextOf).join("") : "";
}

function attr(node: Element, name: string): string | undefined {
  return node.attrs.find((a) => a.name === name)?.value;
}

function all(node: Node, out: Element[] = []): Element[] {
  if (isElement(node)) out.push(node);
  if ("childNodes" in node) for (const child of node.childNodes) all(child, out);
  return out;
}

/**
 * The 1-based columns the CSS right-aligns: the renderer writes one rule listing
 * `:is(td,th):nth-child(n)` selectors, ending with `{text-align:right}`.
 */
function rightAlignedColumns(css: string | undefined): Set<number> {
  const rule = css?.match(/([^}]*)\{text-align:right\}/)?.[1] ?? "";
  return new Set([...rule.matchAll(/:is\(td,th\):nth-child\((\d+)\)/g)].map((m) => Number(m[1])));
}

/** Parses the renderer's HTML as a browser would, inside a `<div>`. */
export function parseTable(html: string): ParsedTable {
  const errors: string[] = [];
  const fragment = parseFragment(html, { onParseError: (error) => errors.push(error.code) });
  const elements = fragment.childNodes.flatMap((node) => all(node));
  const table = elements.find((e) => e.tagName === "table");
  const caption = elements.find((e) => e.tagName === "caption");
  const ths = elements.filter((e) => e.tagName === "th");
  const trs = elements.filter((e) => e.tagName === "tr" && e.parentNode !== null && (e.parentNode as Element).tagName === "tbody");
  const style = elements.find((e) => e.tagName === "style");
  const css = style ? textOf(style) : undefined;
  const right = rightAlignedColumns(css);
  const alignOf = (column: number): Align => (right.has(column + 1) ? "right" : "left");
  // The notes follow the box the table scrolls in (or the table itself, without a box).
  const parent = table?.parentNode as Element | undefined;
  const box = parent && parent.tagName === "div" && (attr(parent, "style") ?? "").includes("overflow") ? parent : table;
  const afterTable = box ? (box.parentNode as Element).childNodes.slice((box.parentNode as Element).childNodes.indexOf(box) + 1) : [];
  const outer = fragment.childNodes.find(isElement);
  return {
    elements: elements.map((e) => e.tagName),
    attributes: elements.flatMap((e) => e.attrs.map((a) => a.name)),
    errors,
    classes: outer ? (attr(outer, "class") ?? "").split(" ").filter(Boolean) : [],
    css,
    boxStyle: box && box !== table ? attr(box, "style") : undefined,
    caption: caption ? textOf(caption) : undefined,
    header: ths.map((th, c) => ({
      name: th.childNodes
        .filter((n) => !isElement(n))
        .map(textOf)
        .join(""),
      type: childElements(th).map(textOf)[0],
      style: attr(th, "style"),
      title: attr(th, "title"),
      typeTitle: childElements(th).map((e) => attr(e, "title"))[0],
      align: alignOf(c),
    })),
    rows: trs.map((tr) =>
      childElements(tr).map((td, c) => ({
        text: textOf(td),
        title: attr(td, "title"),
        style: attr(td, "style"),
        align: alignOf(c),
        isNull: childElements(td).some((e) => e.tagName === "i" && textOf(e) === "NULL"),
        cutOnServer: childElements(td).some((e) => e.tagName === "span" && textOf(e).trim() === "✂"),
      })),
    ),
    note: afterTable.length ? afterTable.map(textOf).join("") : undefined,
    notes: afterTable.map(textOf),
    text: fragment.childNodes.map(shownTextOf).join(""),
  };
}
