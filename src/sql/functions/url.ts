import type { Column, ColumnOrName } from "../column";
import { invoke, opt } from "./invoke";

/** A part ("HOST", "PATH", "QUERY", ...) of a URL (the query parameter `key`). @example F.parse_url("u", F.lit("HOST")) */
export function parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column {
  return invoke("parse_url", url, partToExtract, ...opt(key));
}
/** Like {@link parse_url}, null for an invalid URL. @example F.try_parse_url("u", F.lit("HOST")) */
export function try_parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column {
  return invoke("try_parse_url", url, partToExtract, ...opt(key));
}
/** URL-decoded text (`application/x-www-form-urlencoded`). @example F.url_decode("s") */
export function url_decode(str: ColumnOrName): Column {
  return invoke("url_decode", str);
}
/** URL-encoded text (`application/x-www-form-urlencoded`). @example F.url_encode("s") */
export function url_encode(str: ColumnOrName): Column {
  return invoke("url_encode", str);
}
/** Like {@link url_decode}, null for invalid input. @example F.try_url_decode("s") */
export function try_url_decode(str: ColumnOrName): Column {
  return invoke("try_url_decode", str);
}
