// Reads the HTML the renderer made back with a real, spec-following HTML parser (parse5, which
// parses as browsers do), so tests see what a browser would build from it: which elements and
// attributes exist, and the text of each cell.
import { type DefaultTreeAdapterMap, parseFragment } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** One header cell: the column's name and the type line under it. */
export interface HeaderCell {
  readonly name: string;
  readonly type: string | undefined;
  readonly style: string | undefined;
}

/** One body cell as a browser holds it. */
export interface BodyCell {
  /** The cell's text content. */
  readonly text: string;
  readonly title: string | undefined;
  readonly style: string | undefined;
  /** Whether the cell shows a null (the renderer's null marker, an italic `<span>` saying "null"). */
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
  readonly caption: string | undefined;
  readonly header: readonly HeaderCell[];
  readonly rows: readonly (readonly BodyCell[])[];
  /** The text after the table (the note on cut rows). */
  readonly note: string | undefined;
  /** Each note after the table (on cut rows, on cells cut on the server), one per element. */
  readonly notes: readonly string[];
  /** The text content of the whole fragment. */
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

function attr(node: Element, name: string): string | undefined {
  return node.attrs.find((a) => a.name === name)?.value;
}

function all(node: Node, out: Element[] = []): Element[] {
  if (isElement(node)) out.push(node);
  if ("childNodes" in node) for (const child of node.childNodes) all(child, out);
  return out;
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
  const afterTable = table ? (table.parentNode as Element).childNodes.slice((table.parentNode as Element).childNodes.indexOf(table) + 1) : [];
  return {
    elements: elements.map((e) => e.tagName),
    attributes: elements.flatMap((e) => e.attrs.map((a) => a.name)),
    errors,
    caption: caption ? textOf(caption) : undefined,
    header: ths.map((th) => ({
      name: th.childNodes.filter((n) => !isElement(n)).map(textOf).join(""),
      type: childElements(th).map(textOf)[0],
      style: attr(th, "style"),
    })),
    rows: trs.map((tr) =>
      childElements(tr).map((td) => ({
        text: textOf(td),
        title: attr(td, "title"),
        style: attr(td, "style"),
        isNull: childElements(td).some((e) => e.tagName === "span" && textOf(e) === "null" && (attr(e, "style") ?? "").includes("italic")),
        cutOnServer: childElements(td).some((e) => e.tagName === "span" && textOf(e).trim() === "✂"),
      })),
    ),
    note: afterTable.length ? afterTable.map(textOf).join("") : undefined,
    notes: afterTable.map(textOf),
    text: fragment.childNodes.map(textOf).join(""),
  };
}
