/**
 * Arrow to JS: decoding the Arrow IPC streams a Spark Connect server sends, and turning their
 * values into JS values with full fidelity. Depends only on apache-arrow and Node.
 */
export { ArrowDecodeError, decodeChunk, decodeChunks, decodeTable, decodeTableAsItArrives, type ArrowIpcChunk } from "./ipc";
export { Row, type RowConstructor } from "./row";
export { rowConverter, rowsFromBatches, tableToRows } from "./rowConverter";
export { valueReader, type ValueReader } from "./valueReaders";
export type { SparkMap, SparkStruct, SparkValue } from "./values";
export { formatDecimal } from "./decimal";
export { LocalDate } from "./localDate";
export { LocalDateTime } from "./localDateTime";
export { LocalTime } from "./localTime";
export { formatTimestamp, Timestamp, type FormatTimestampOptions } from "./timestamp";
export {
  CalendarInterval,
  DayTimeInterval,
  formatDayTimeInterval,
  formatYearMonthInterval,
  YearMonthInterval,
  type DayTimeIntervalField,
  type YearMonthIntervalField,
} from "./intervals";
export { VariantValue, type VariantJsObject, type VariantJsValue } from "./variant";
export { encodeRows, LocalValueError } from "./localRows";
