// The package's own entry point is the client's API: notebooks (and anything else) that import
// from "spark-ts-kernel" get what "spark-ts" exports, as before the two were separate packages.
export * from "spark-ts";
