/**
 * Deep-freezes a protocol message so that a plan, once built, cannot change under the DataFrames
 * that share it. Byte arrays are left as they are: a non-empty typed array cannot be frozen.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value) || Object.isFrozen(value)) {
    return value;
  }
  for (const key of Object.keys(value)) {
    deepFreeze((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(value);
}
