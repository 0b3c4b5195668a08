import { expect } from "chai";
import { describe, it } from "mocha";
import { limitHeapGrowth } from "../../../kernel/src/startup/heapGrowth";

describe("the kernel's heap growth between full collections", () => {
  it("leaves a setting the process was started with alone, in either spelling", () => {
    expect(limitHeapGrowth(["--heap-growing-percent=300"])).to.equal(false);
    expect(limitHeapGrowth(["--max-old-space-size=4096", "--heap_growing_percent=50"])).to.equal(false);
  });

  it("is capped when the process was started without a setting of its own", () => {
    expect(limitHeapGrowth(["--max-old-space-size=4096"])).to.equal(true);
  });
});
