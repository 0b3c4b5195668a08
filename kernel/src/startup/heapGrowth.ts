// How far the kernel's heap grows between full garbage collections. V8 lets a heap grow to up to
// four times what was alive after the last full collection when the process allocates fast, and
// a kernel does: the compiler keeps its program's parsed declarations alive (about 150 MiB) and
// makes a few MB of garbage with every cell. So the resident size rose by 90% over 500 cells,
// though not from a leak: after a full collection the heap held 152 MiB, as good as the 145 MiB it
// held after 10 cells. With a factor of two the rise was about half that; measured, neither cells
// nor allocation-heavy code (a million rows made and mapped) got slower (a factor of 1.3 made
// the latter half again slower).
import v8 from "node:v8";

/** V8's option, as a percentage above 100. */
const OPTION = "--heap-growing-percent";

/** The growth factor of the kernel's heap, above 1. */
export const HEAP_GROWTH_PERCENT = 100;

/**
 * Caps the heap's growth between full collections at {@link HEAP_GROWTH_PERCENT} (V8 reads it at
 * each collection), unless the process was started with a setting of its own.
 *
 * @example
 * ```ts
 * limitHeapGrowth(); // true: the option is set now
 * ```
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.replace(/_/g, "-").startsWith(OPTION))) return false;
  v8.setFlagsFromString(`${OPTION}=${HEAP_GROWTH_PERCENT}`);
  return true;
}
