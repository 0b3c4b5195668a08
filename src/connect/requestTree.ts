// Requests as ts-proto builds them, seen as trees of plain objects (oneofs are `{ $case, [case]:
// value }`; bytes are leaves): walked to find parts, and copied with parts replaced, sharing every
// subtree nothing in changed, so a request (frozen plans among it) is never modified.

/** An object of a request: fields, and oneofs as `{ $case, [case]: value }`. */
export type RequestNode = Readonly<Record<string, unknown>>;

/** Whether `value` is an object of a request (not an array, not bytes). */
export function isRequestNode(value: unknown): value is RequestNode {
  return typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !Array.isArray(value);
}

/** Every object of `value` (arrays walked through, bytes skipped), outermost first. */
export function* requestNodes(value: unknown): Generator<RequestNode> {
  if (Array.isArray(value)) {
    for (const item of value) yield* requestNodes(item);
  } else if (isRequestNode(value)) {
    yield value;
    for (const field of Object.values(value)) yield* requestNodes(field);
  }
}

/**
 * A copy of `value` in which each object `replace` gives a replacement for is replaced (its
 * inside is not walked then); shared where nothing is.
 *
 * @example
 * ```ts
 * const plan = { root: { relType: { $case: "zip", zip: {} } } };
 * replaceNodes(plan, (node) => (node.$case === "zip" ? { $case: "tail", tail: {} } : undefined));
 * // { root: { relType: { $case: "tail", tail: {} } } }, and `plan` as it was
 * ```
 */
export function replaceNodes(value: unknown, replace: (node: RequestNode) => RequestNode | undefined): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => replaceNodes(item, replace));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isRequestNode(value)) return value;
  const replaced = replace(value);
  if (replaced) return replaced;
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(value)) {
    const rewritten = replaceNodes(field, replace);
    if (rewritten !== field) (copy ??= { ...value })[key] = rewritten;
  }
  return copy ?? value;
}
