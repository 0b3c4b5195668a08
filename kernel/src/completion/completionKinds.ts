// The kinds JupyterLab's completer shows beside each match (`metadata._jupyter_types_experimental`):
// its icons know IPython's names (`function`, `class`, `module`, `keyword`, `instance`,
// `statement`, `param`, `path`, `property`), so TypeScript's element kinds are told in those.

/** One entry of `_jupyter_types_experimental`. */
export interface CompletionItemType {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly signature?: string;
}

const KINDS: Readonly<Record<string, string>> = {
  method: "function",
  function: "function",
  "local function": "function",
  constructor: "function",
  property: "property",
  getter: "property",
  setter: "property",
  accessor: "property",
  var: "instance",
  let: "instance",
  const: "instance",
  "local var": "instance",
  parameter: "param",
  class: "class",
  "local class": "class",
  interface: "class",
  type: "class",
  enum: "class",
  "enum member": "property",
  module: "module",
  alias: "module",
  "external module name": "module",
  keyword: "keyword",
  string: "statement",
};

/**
 * A TypeScript completion entry's kind (`ts.ScriptElementKind`) as JupyterLab names kinds.
 *
 * @example
 * ```ts
 * typeOfCompletionKind("method"); // "function"
 * typeOfCompletionKind("const");  // "instance"
 * ```
 */
export function typeOfCompletionKind(kind: string | undefined): string {
  return (kind !== undefined && KINDS[kind]) || "<unknown>";
}
