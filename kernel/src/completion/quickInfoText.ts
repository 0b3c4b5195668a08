// TypeScript's quick info (the signature, docs and tags Shift+Tab shows) as plain text. tslab's
// own printing puts every part of the documentation on a line of its own, so a `{@link X}` in a
// doc comment came out as four lines; here the parts of a paragraph are joined as the editor
// would show them, with a link as its name.
import type * as TypeScript from "@tslab/typescript-for-tslab";

/** The text of documentation parts: links as the name they show, everything else as it is. */
function partsText(parts: readonly TypeScript.SymbolDisplayPart[] | undefined): string {
  return (parts ?? []).map((part) => (part.kind === "link" ? "" : part.text)).join("");
}

/** A tag's line: `@param name text` for parameters, the example's text as written, else `@tag text`. */
function tagLine(tag: TypeScript.JSDocTagInfo): string {
  const text = partsText(tag.text).trim();
  if (tag.name === "example") return text;
  if (tag.name === "param") return `@param ${text.replace(/^(\S+)\s+(?:-\s+)?/, "$1 ")}`;
  return text ? `@${tag.name} ${text}` : `@${tag.name}`;
}

/**
 * Quick info as Shift+Tab shows it: the declaration, then its documentation and tags, each after
 * a blank line; "" when there is nothing, or only TypeScript's `any` for a name it cannot resolve.
 *
 * @example
 * ```ts
 * quickInfoText(languageService.getQuickInfoAtPosition(file, position));
 * // "function percentile_approx(col: ColumnOrName, ...): Column\n\nAlias of approx_percentile. ..."
 * ```
 */
export function quickInfoText(info: TypeScript.QuickInfo | undefined): string {
  if (!info) return "";
  const declaration = partsText(info.displayParts);
  if (declaration === "any" && !info.kind) return "";
  const docs = partsText(info.documentation).trim();
  const tags = (info.tags ?? []).map(tagLine).filter((line) => line !== "");
  return [declaration, docs, ...tags].filter((part) => part !== "").join("\n\n");
}
