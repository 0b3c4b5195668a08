import { lit, type Column, type ColumnOrName } from "../column";
import { invoke, litIfNumber, opt } from "./invoke";

/** A geometry or geography as WKB (in `endianness` "NDR" or "XDR"; a string is a literal). @example F.st_asbinary("g") */
export function st_asbinary(geo: ColumnOrName, endianness?: ColumnOrName): Column {
  return invoke("st_asbinary", geo, ...opt(typeof endianness === "string" ? lit(endianness) : endianness));
}
/** A geography from WKB. @example F.st_geogfromwkb("wkb") */
export function st_geogfromwkb(wkb: ColumnOrName): Column {
  return invoke("st_geogfromwkb", wkb);
}
/** A geometry from WKB (with spatial reference `srid`). @example F.st_geomfromwkb("wkb", 4326) */
export function st_geomfromwkb(wkb: ColumnOrName, srid?: ColumnOrName | number): Column {
  return invoke("st_geomfromwkb", wkb, ...opt(srid === undefined ? undefined : litIfNumber(srid)));
}
/** The geometry or geography with spatial reference `srid`. @example F.st_setsrid("g", 4326) */
export function st_setsrid(geo: ColumnOrName, srid: ColumnOrName | number): Column {
  return invoke("st_setsrid", geo, litIfNumber(srid));
}
/** The spatial reference id. @example F.st_srid("g") */
export function st_srid(geo: ColumnOrName): Column {
  return invoke("st_srid", geo);
}
