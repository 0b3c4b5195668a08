import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, opt, randomSeed } from "./invoke";

/** The binary decrypted with AES (`mode` "GCM", "CBC" or "ECB"). @example F.aes_decrypt("data", "key") */
export function aes_decrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return invoke("aes_decrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), aad ?? lit(""));
}
/** Like {@link aes_decrypt}, null where decryption fails. @example F.try_aes_decrypt("data", "key") */
export function try_aes_decrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return invoke("try_aes_decrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), aad ?? lit(""));
}
/** The binary encrypted with AES (`mode` "GCM", "CBC" or "ECB"). @example F.aes_encrypt("data", "key") */
export function aes_encrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  iv?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return invoke("aes_encrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), iv ?? lit(""), aad ?? lit(""));
}
/** Null if the condition holds, else an error (with `errMsg`). @example F.assert_true(col("x").gt(0)) */
export function assert_true(col: ColumnOrName, errMsg?: Column | string): Column {
  return invoke("assert_true", col, ...opt(errMsg === undefined ? undefined : lit(errMsg)));
}
/** Calls a registered user-defined function by name. @example F.call_udf("my_udf", "x") */
export function call_udf(udfName: string, ...cols: ColumnOrName[]): Column {
  return invoke(udfName, ...cols);
}
/** The session's current catalog. @example F.current_catalog() */
export function current_catalog(): Column {
  return invoke("current_catalog");
}
/** The session's current database. @example F.current_database() */
export function current_database(): Column {
  return invoke("current_database");
}
/** The session's SQL path. @example F.current_path() */
export function current_path(): Column {
  return invoke("current_path");
}
/** The session's current schema (database). @example F.current_schema() */
export function current_schema(): Column {
  return invoke("current_schema");
}
/** The current user. @example F.current_user() */
export function current_user(): Column {
  return invoke("current_user");
}
/** HMAC of `message` with `key` (SHA-256, or `algorithm`). @example F.hmac("key", "msg") */
export function hmac(key: ColumnOrName, message: ColumnOrName, algorithm?: ColumnOrName): Column {
  return invoke("hmac", key, message, ...opt(algorithm));
}
/** The length of the file block being read, -1 if unknown. @example F.input_file_block_length() */
export function input_file_block_length(): Column {
  return invoke("input_file_block_length");
}
/** The offset of the file block being read, -1 if unknown. @example F.input_file_block_start() */
export function input_file_block_start(): Column {
  return invoke("input_file_block_start");
}
/** The name of the file being read, "" if unknown. @example F.input_file_name() */
export function input_file_name(): Column {
  return invoke("input_file_name");
}
/** Calls a static Java method by reflection (class name, method name, arguments). @example F.java_method(F.lit("java.util.UUID"), F.lit("randomUUID")) */
export function java_method(...cols: ColumnOrName[]): Column {
  return invoke("java_method", ...cols);
}
/** Unique, increasing (not consecutive) 64-bit row ids. @example F.monotonically_increasing_id() */
export function monotonically_increasing_id(): Column {
  return invoke("monotonically_increasing_id");
}
/** Fails the query with `errMsg`. @example F.raise_error("bad row") */
export function raise_error(errMsg: Column | string): Column {
  return invoke("raise_error", lit(errMsg));
}
/** Alias of {@link java_method}. @example F.reflect(F.lit("java.util.UUID"), F.lit("randomUUID")) */
export function reflect(...cols: ColumnOrName[]): Column {
  return invoke("reflect", ...cols);
}
/** The session's user. @example F.session_user() */
export function session_user(): Column {
  return invoke("session_user");
}
/** The id of the partition each row is in. @example F.spark_partition_id() */
export function spark_partition_id(): Column {
  return invoke("spark_partition_id");
}
/** Like {@link reflect}, null where the method throws. @example F.try_reflect(F.lit("java.lang.Integer"), F.lit("valueOf"), F.lit("1")) */
export function try_reflect(...cols: ColumnOrName[]): Column {
  return invoke("try_reflect", ...cols);
}
/** The DDL type name of the value. @example F.typeof("x") */
function typeOf(col: ColumnOrName): Column {
  return invoke("typeof", col);
}
export { typeOf as typeof };
/** The value of a user-defined type as its underlying SQL type. @example F.unwrap_udt("v") */
export function unwrap_udt(col: ColumnOrName): Column {
  return invoke("unwrap_udt", col);
}
/** The current user. @example F.user() */
export function user(): Column {
  return invoke("user");
}
/** A random UUID string per row, reproducible with a seed. @example F.uuid() */
export function uuid(seed?: Column | number): Column {
  return invoke("uuid", seed === undefined ? randomSeed() : lit(seed));
}
/** The Spark version of the server. @example F.version() */
export function version(): Column {
  return invoke("version");
}
