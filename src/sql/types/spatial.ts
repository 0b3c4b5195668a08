import { AtomicType } from "./dataType";
import { INT32_MAX, isWholeNumber } from "../validation";

const MIXED_SRID = -1;
const MIXED_CRS = "SRID:ANY";

// The CRS names PySpark knows; Spark's own names for the other SRIDs it accepts are "EPSG:<srid>",
// bar a few thousand "ESRI:<srid>" that a name read from JSON keeps (see `crs`).
const KNOWN_CRS: ReadonlyMap<number, string> = new Map([
  [0, "SRID:0"],
  [3857, "EPSG:3857"],
  [4326, "OGC:CRS84"],
]);
const KNOWN_SRID: ReadonlyMap<string, number> = new Map([...KNOWN_CRS].map(([srid, crs]) => [crs, srid]));

/** The spatial types. A SRID of -1 ({@link SpatialType.MIXED_SRID}) means any SRID, one per row. */
export abstract class SpatialType extends AtomicType {
  /** The SRID of a type whose values may each have their own SRID. */
  static readonly MIXED_SRID = MIXED_SRID;
  /** The CRS name of a type whose values may each have their own SRID. */
  static readonly MIXED_CRS = MIXED_CRS;
}

function checkedSrid(srid: number | "ANY", what: string): number {
  if (srid === "ANY" || srid === MIXED_SRID) return MIXED_SRID;
  if (!isWholeNumber(srid, { min: 0, max: INT32_MAX })) {
    throw new RangeError(`${what} SRID must be "ANY" or a whole number from 0 to ${INT32_MAX}, got ${String(srid)}`);
  }
  return srid;
}

function crsOf(srid: number): string {
  return srid === MIXED_SRID ? MIXED_CRS : (KNOWN_CRS.get(srid) ?? `EPSG:${srid}`);
}

/**
 * The SRID a CRS name stands for: `"SRID:ANY"` (any case) for mixed SRIDs, the names PySpark
 * knows, and otherwise `"<AUTHORITY>:<number>"`, whose number Spark uses as the SRID.
 */
export function sridOfCrs(crs: string, what: string): number {
  if (crs.toLowerCase() === MIXED_CRS.toLowerCase()) return MIXED_SRID;
  const known = KNOWN_SRID.get(crs);
  if (known !== undefined) return known;
  const match = /^[A-Za-z]+:(\d+)$/.exec(crs);
  if (!match) throw new RangeError(`${what} has an unknown CRS "${crs}"`);
  return checkedSrid(Number(match[1]), what);
}

/** The CRS a type keeps: the one it was given if it names the same SRID, else the SRID's. */
function crsFor(srid: number, crs: string | undefined, what: string): string {
  if (crs === undefined) return crsOf(srid);
  if (sridOfCrs(crs, what) !== srid) throw new RangeError(`${what} CRS "${crs}" does not name SRID ${srid}`);
  return srid === MIXED_SRID ? MIXED_CRS : crs;
}

/**
 * Spatial objects (OGC Simple Features) in a Cartesian coordinate system with the given SRID, or
 * `"ANY"` for one SRID per value.
 *
 * @example
 * ```ts
 * new GeometryType(4326).simpleString();  // "geometry(4326)"
 * new GeometryType("ANY").simpleString(); // "geometry(any)"
 * new GeometryType(4326).json();          // '"geometry(OGC:CRS84)"'
 * ```
 */
export class GeometryType extends SpatialType {
  /** The spatial reference system id; -1 when each value has its own. */
  readonly srid: number;
  /** The coordinate reference system's name, which Spark writes in JSON instead of the SRID. */
  readonly crs: string;

  /**
   * @param crs the CRS name to write in JSON, when it is not the SRID's usual one (e.g.
   *   `"ESRI:102003"`); it must name the same SRID.
   */
  constructor(srid: number | "ANY", crs?: string) {
    super();
    this.srid = checkedSrid(srid, "GeometryType");
    this.crs = crsFor(this.srid, crs, "GeometryType");
    Object.freeze(this);
  }
  /** The geometry type that a CRS name (as in Spark's JSON) stands for. */
  static fromCrs(crs: string): GeometryType {
    return new GeometryType(sridOfCrs(crs, "GeometryType"), crs);
  }
  get kind(): "geometry" {
    return "geometry";
  }
  /** Whether each value may have its own SRID. */
  isMixedSrid(): boolean {
    return this.srid === MIXED_SRID;
  }
  typeName(): string {
    return "geometry";
  }
  override simpleString(): string {
    return this.isMixedSrid() ? "geometry(any)" : `geometry(${this.srid})`;
  }
  override jsonValue(): string {
    return `geometry(${this.crs})`;
  }
  // The SRID alone identifies the type, as in Spark: two names of one CRS are one type.
  protected override sameParameters(other: this): boolean {
    return this.srid === other.srid;
  }
  toString(): string {
    return this.isMixedSrid() ? "GeometryType(ANY)" : `GeometryType(${this.srid})`;
  }
}

/**
 * Spatial objects (OGC Simple Features) in a geographic coordinate system with the given SRID, or
 * `"ANY"` for one SRID per value; edges are interpolated spherically.
 *
 * @example
 * ```ts
 * new GeographyType(4326).simpleString(); // "geography(4326)"
 * new GeographyType(4326).json();         // '"geography(OGC:CRS84, SPHERICAL)"'
 * ```
 */
export class GeographyType extends SpatialType {
  /** The only edge interpolation Spark supports. */
  static readonly SPHERICAL = "SPHERICAL";

  /** The spatial reference system id; -1 when each value has its own. */
  readonly srid: number;
  /** The coordinate reference system's name, which Spark writes in JSON instead of the SRID. */
  readonly crs: string;

  /**
   * @param crs the CRS name to write in JSON, when it is not the SRID's usual one; it must name
   *   the same SRID.
   */
  constructor(srid: number | "ANY", crs?: string) {
    super();
    this.srid = checkedSrid(srid, "GeographyType");
    this.crs = crsFor(this.srid, crs, "GeographyType");
    Object.freeze(this);
  }
  /** The geography type that a CRS name and edge algorithm (as in Spark's JSON) stand for. */
  static fromCrs(crs: string, algorithm: string = GeographyType.SPHERICAL): GeographyType {
    if (algorithm !== GeographyType.SPHERICAL) {
      throw new RangeError(`GeographyType supports only the ${GeographyType.SPHERICAL} algorithm, got "${algorithm}"`);
    }
    return new GeographyType(sridOfCrs(crs, "GeographyType"), crs);
  }
  get kind(): "geography" {
    return "geography";
  }
  /** The edge interpolation algorithm. */
  get algorithm(): string {
    return GeographyType.SPHERICAL;
  }
  /** Whether each value may have its own SRID. */
  isMixedSrid(): boolean {
    return this.srid === MIXED_SRID;
  }
  typeName(): string {
    return "geography";
  }
  override simpleString(): string {
    return this.isMixedSrid() ? "geography(any)" : `geography(${this.srid})`;
  }
  override jsonValue(): string {
    return `geography(${this.crs}, ${this.algorithm})`;
  }
  protected override sameParameters(other: this): boolean {
    return this.srid === other.srid;
  }
  toString(): string {
    return this.isMixedSrid() ? "GeographyType(ANY)" : `GeographyType(${this.srid})`;
  }
}
