// Where the Spark Connect protocol grew after Spark 3.5, and what the client does when a request
// uses a newer part than the server reads. A server reads an unknown relation or expression as
// "not set" and fails with a message about an empty field; worse, it drops an unknown field
// without a word (a streaming source's name, the real-time trigger), so the query runs, differently
// from what was asked. So before sending, the client says it itself: it writes the request the
// older way where there is one, and otherwise refuses with the feature's name and the line it needs.
import { UnsupportedByServerError } from "./errors/unsupportedByServer";
import { isRequestNode, replaceNodes, requestNodes, type RequestNode } from "./requestTree";
import { atLeastLine, type SparkVersion } from "./sparkVersion";

type Node = RequestNode;

/** One part of the protocol a line added. */
export interface ProtocolChange {
  /** What the user asked for, in the API's words. */
  readonly feature: string;
  /** The first release line whose servers read it, e.g. `"4.2"`. */
  readonly since: string;
  /** Whether this object of a request uses it. */
  readonly usedBy: (node: Node) => boolean;
  /** The same request in the words of an older server, where there are such words. */
  readonly older?: (node: Node) => Node;
}

function oneofCase(node: Node, field: string): string | undefined {
  const value = node[field];
  return isRequestNode(value) && typeof value.$case === "string" ? value.$case : undefined;
}

/** A change shown by one case of one oneof field, e.g. `relType` being `zip`. */
function newCase(feature: string, since: string, field: string, ...cases: string[]): ProtocolChange {
  return { feature, since, usedBy: (node) => cases.includes(oneofCase(node, field) ?? "") };
}

/** `lit([])`: an array literal of no elements, whose element type is void. */
function isEmptyVoidArrayLiteral(node: Node): boolean {
  if (oneofCase(node, "exprType") !== "literal") return false;
  const literal = (node.exprType as Node).literal as Node;
  if (oneofCase(literal, "literalType") !== "array") return false;
  const array = (literal.literalType as Node).array as Node;
  const elementType = array.elementType;
  return (
    Array.isArray(array.elements) && array.elements.length === 0 && isRequestNode(elementType) && oneofCase(elementType, "kind") === "null"
  );
}

/** A literal's oneof, e.g. `{ $case: "array", array: {...} }`. */
function literalCase(literal: Node): Node | undefined {
  const value = literal.literalType;
  return isRequestNode(value) ? value : undefined;
}

/** The literals inside an array or map literal. */
function innerLiterals(literal: Node): Node[] {
  const kind = literalCase(literal);
  if (kind?.$case === "array") return ((kind.array as Node).elements as Node[]) ?? [];
  if (kind?.$case === "map") return [...(((kind.map as Node).keys as Node[]) ?? []), ...(((kind.map as Node).values as Node[]) ?? [])];
  return [];
}

function holdsNull(literal: Node): boolean {
  return innerLiterals(literal).some((inner) => literalCase(inner)?.$case === "null" || holdsNull(inner));
}

/** An array or map literal with a null somewhere inside: Spark 3.5 reads those nulls as zeros. */
function isCollectionLiteralWithNull(node: Node): boolean {
  if (oneofCase(node, "exprType") !== "literal") return false;
  const literal = (node.exprType as Node).literal as Node;
  const kind = literalCase(literal)?.$case;
  return (kind === "array" || kind === "map") && holdsNull(literal);
}

const call = (functionName: string, args: Node[]): Node => ({
  exprType: {
    $case: "unresolvedFunction",
    unresolvedFunction: { functionName, arguments: args, isDistinct: false, isUserDefinedFunction: false },
  },
});

/** The same value as a call of `array()` or `map()` on the literal's elements (typed nulls among them), nested alike. */
function asCollectionCalls(literal: Node): Node {
  const kind = literalCase(literal);
  const inner = (element: Node): Node =>
    holdsNull(element) ? asCollectionCalls(element) : { exprType: { $case: "literal", literal: element } };
  if (kind?.$case === "array") return call("array", ((kind.array as Node).elements as Node[]).map(inner));
  if (kind?.$case === "map") {
    const map = kind.map as Node;
    const values = map.values as Node[];
    return call(
      "map",
      (map.keys as Node[]).flatMap((key, i) => [inner(key), inner(values[i])]),
    );
  }
  return { exprType: { $case: "literal", literal } };
}

/**
 * The changes the client knows, oldest line first. Cases of the request's oneofs a line added are
 * refused on older servers; those with older words are rewritten: Spark 3.5 reads a null inside an
 * array or map literal as a zero (`lit([1, null])` gave `[1, 0]`), and `array(1L, CAST(NULL AS
 * BIGINT))` is the same value; `array()` is the same empty `array<void>` as the literal Spark 4.0
 * cannot read ("Unsupported Literal Type: null").
 */
export const PROTOCOL_CHANGES: readonly ProtocolChange[] = [
  {
    feature: "nulls inside array and map literals",
    since: "4.0",
    usedBy: isCollectionLiteralWithNull,
    older: (node) => asCollectionCalls((node.exprType as Node).literal as Node),
  },
  {
    feature: "an empty array literal (lit([]))",
    since: "4.1",
    usedBy: isEmptyVoidArrayLiteral,
    older: () => ({
      exprType: {
        $case: "unresolvedFunction",
        unresolvedFunction: { functionName: "array", arguments: [], isDistinct: false, isUserDefinedFunction: false },
      },
    }),
  },
  newCase("DataFrame.repartitionById", "4.1", "exprType", "directShufflePartitionId"),
  newCase("local data in chunked cached relations", "4.1", "relType", "chunkedCachedLocalRelation"),
  newCase("TIME values", "4.1", "literalType", "time"),
  newCase("the TIME type", "4.1", "kind", "time"),
  newCase("the GEOMETRY and GEOGRAPHY types", "4.1", "kind", "geometry", "geography"),
  newCase("DataFrame.nearestByJoin", "4.2", "relType", "nearestByJoin"),
  newCase("change data feeds (DataFrameReader.changes)", "4.2", "relType", "relationChanges"),
  newCase("the real-time trigger (trigger({ realTime }))", "4.2", "trigger", "realTimeBatchDuration"),
  {
    feature: "naming a streaming source (DataStreamReader.name)",
    since: "4.2",
    usedBy: (node) => oneofCase(node, "readType") === "dataSource" && ((node.readType as Node).dataSource as Node).sourceName !== undefined,
  },
  newCase("DataFrame.zip", "4.3", "relType", "zip"),
  newCase("nanosecond timestamp values", "4.3", "literalType", "timestampNtzNanos", "timestampLtzNanos"),
  newCase("the nanosecond timestamp types (precision 7 to 9)", "4.3", "kind", "timestampNtzNanos", "timestampLtzNanos"),
];

/**
 * The protocol changes a request uses. Most requests use none, and then the client never needs
 * to ask the server's version.
 *
 * @example
 * ```ts
 * const zip = { relType: { $case: "zip", zip: {} } };
 * changesUsedBy({ root: zip }).map((c) => c.feature); // ["DataFrame.zip"]
 * ```
 */
export function changesUsedBy(request: unknown, changes: readonly ProtocolChange[] = PROTOCOL_CHANGES): ProtocolChange[] {
  const used = new Set<ProtocolChange>();
  for (const node of requestNodes(request)) {
    for (const change of changes) if (change.usedBy(node)) used.add(change);
  }
  return [...used];
}

/**
 * `request` as a server of `version` can read it, given the changes it uses
 * ({@link changesUsedBy}): rewritten where an older form exists (a copy; the request itself is
 * never changed), refused otherwise. A version the client cannot read refuses nothing.
 *
 * @throws {@link UnsupportedByServerError} naming the first feature the server cannot read.
 *
 * @example
 * ```ts
 * const used = changesUsedBy(request);
 * if (used.length) request = adaptToServer(request, parseSparkVersion(await versionText()), used);
 * ```
 */
export function adaptToServer<T>(request: T, version: SparkVersion | undefined, used: readonly ProtocolChange[]): T {
  if (version === undefined) return request;
  const missing = used.filter((change) => !atLeastLine(version, change.since));
  if (missing.length === 0) return request;
  const refused = missing.find((change) => !change.older);
  if (refused) throw new UnsupportedByServerError(refused.feature, refused.since, version.text);
  return replaceNodes(request, (node) => missing.find((change) => change.usedBy(node))?.older?.(node)) as T;
}
