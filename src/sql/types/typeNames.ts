import { BinaryType, BooleanType, NullType, VariantType } from "./basic";
import type { DataType } from "./dataType";
import { DateType, TimeType, TimestampLTZNanosType, TimestampNTZNanosType, TimestampNTZType, TimestampType } from "./datetime";
import { CalendarIntervalType, DAY_TIME_FIELDS, DayTimeIntervalType, YEAR_MONTH_FIELDS, YearMonthIntervalType } from "./interval";
import { ByteType, DecimalType, DoubleType, FloatType, IntegerType, LongType, ShortType } from "./numeric";
import { GeographyType, GeometryType } from "./spatial";
import { CharType, StringType, VarcharType } from "./string";

// The names Spark's JSON uses for the types without parameters. "null" and "timestamp_ltz" are
// older or alternative spellings that Spark's own JSON reader still accepts.
const PLAIN: ReadonlyMap<string, () => DataType> = new Map<string, () => DataType>([
  ["string", () => new StringType()],
  ["binary", () => new BinaryType()],
  ["boolean", () => new BooleanType()],
  ["decimal", () => new DecimalType()],
  ["float", () => new FloatType()],
  ["double", () => new DoubleType()],
  ["byte", () => new ByteType()],
  ["short", () => new ShortType()],
  ["integer", () => new IntegerType()],
  ["long", () => new LongType()],
  ["date", () => new DateType()],
  ["timestamp", () => new TimestampType()],
  ["timestamp_ltz", () => new TimestampType()],
  ["timestamp_ntz", () => new TimestampNTZType()],
  ["void", () => new NullType()],
  ["null", () => new NullType()],
  ["variant", () => new VariantType()],
  ["interval", () => new CalendarIntervalType()],
  ["geometry", () => GeometryType.fromCrs("OGC:CRS84")],
  ["geography", () => GeographyType.fromCrs("OGC:CRS84")],
]);

const CRS = String.raw`(\w+:-?\w+)`;

// Spark's own patterns, anchored at both ends (PySpark anchors only the start).
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => DataType][] = [
  [/^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/, (m) => new DecimalType(Number(m[1]), Number(m[2]))],
  [/^string\s+collate\s+(\w+)$/, (m) => new StringType(m[1])],
  [/^char\(\s*(\d+)\s*\)$/, (m) => new CharType(Number(m[1]))],
  [/^varchar\(\s*(\d+)\s*\)$/, (m) => new VarcharType(Number(m[1]))],
  [/^time\(\s*(\d+)\s*\)$/, (m) => new TimeType(Number(m[1]))],
  [/^timestamp_ntz\(\s*(\d+)\s*\)$/, (m) => new TimestampNTZNanosType(Number(m[1]))],
  [/^timestamp_ltz\(\s*(\d+)\s*\)$/, (m) => new TimestampLTZNanosType(Number(m[1]))],
  [
    /^interval (day|hour|minute|second)(?: to (day|hour|minute|second))?$/,
    (m) => new DayTimeIntervalType(DAY_TIME_FIELDS.indexOf(m[1]), DAY_TIME_FIELDS.indexOf(m[2] ?? m[1])),
  ],
  [
    /^interval (year|month)(?: to (year|month))?$/,
    (m) => new YearMonthIntervalType(YEAR_MONTH_FIELDS.indexOf(m[1]), YEAR_MONTH_FIELDS.indexOf(m[2] ?? m[1])),
  ],
  [new RegExp(String.raw`^geometry\(\s*${CRS}\s*\)$`), (m) => GeometryType.fromCrs(m[1])],
  [new RegExp(String.raw`^geography\(\s*${CRS}\s*\)$`), (m) => GeographyType.fromCrs(m[1])],
  [new RegExp(String.raw`^geography\(\s*${CRS}\s*,\s*(\w+)\s*\)$`), (m) => GeographyType.fromCrs(m[1], m[2])],
  [/^geography\(\s*(\w+)\s*\)$/, (m) => GeographyType.fromCrs("OGC:CRS84", m[1])],
];

/**
 * The type a name in Spark's JSON schema format stands for: a string there, as `"integer"`,
 * `"decimal(10,2)"`, `"interval day to second"` (not the SQL spelling: `"int"` is not one).
 */
export function dataTypeFromName(name: string): DataType {
  const plain = PLAIN.get(name);
  if (plain) return plain();
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(name);
    if (match) return make(match);
  }
  throw new TypeError(`"${name}" is not a data type name of Spark's JSON schema format`);
}
