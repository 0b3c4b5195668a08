// Operation tags belong to the async context that set them (PySpark's belong to the thread), and a
// tag scope gives a piece of work tags of its own.
import { expect } from "chai";
import { describe, it } from "mocha";
import { SessionTags } from "../../../src/connect/operationEvents";

/** Lets everything already queued run first. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("session tags in one async context", () => {
  it("adds, removes and clears tags in the order they were added", () => {
    const tags = new SessionTags();
    tags.add("b");
    tags.add("a");
    tags.add("b");
    expect(tags.all).to.deep.equal(["b", "a"]);
    tags.remove("b");
    expect(tags.all).to.deep.equal(["a"]);
    tags.clear();
    expect(tags.all).to.deep.equal([]);
  });

  it("refuses an empty tag and a tag with a comma, as Spark does", () => {
    const tags = new SessionTags();
    expect(() => tags.add("")).to.throw(TypeError, /non-empty/);
    expect(() => tags.add("a,b")).to.throw(TypeError, /cannot contain ','/);
    expect(() => tags.run(["ok", "a,b"], () => undefined)).to.throw(TypeError, /cannot contain ','/);
    expect(tags.all).to.deep.equal([]);
  });

  it("keeps the tags of one session apart from another's", () => {
    const first = new SessionTags();
    const second = new SessionTags();
    first.add("first");
    expect(second.all).to.deep.equal([]);
  });
});

describe("session tags across async contexts", () => {
  it("gives work started after a tag was added that tag, awaited or not", async () => {
    const tags = new SessionTags();
    await tags.run([], async () => {
      tags.add("a");
      const later = (async () => {
        await turn();
        return tags.all;
      })();
      const timer = new Promise<readonly string[]>((resolve) => setTimeout(() => resolve(tags.all), 0));
      tags.remove("a");
      expect(await later).to.deep.equal(["a"]);
      expect(await timer).to.deep.equal(["a"]);
    });
  });

  it("does not change the tags of work started before the change (copy on write)", async () => {
    const tags = new SessionTags();
    await tags.run(["shared"], async () => {
      const earlier = (async () => {
        await turn();
        return tags.all;
      })();
      tags.add("later");
      tags.remove("shared");
      expect(tags.all).to.deep.equal(["later"]);
      expect(await earlier).to.deep.equal(["shared"]);
    });
  });

  it("keeps a change made after an async function's first await to that function", async () => {
    const tags = new SessionTags();
    await tags.run([], async () => {
      const child = async () => {
        await turn();
        tags.add("child");
        tags.clear();
        tags.add("child-only");
        return tags.all;
      };
      tags.add("parent");
      expect(await child()).to.deep.equal(["child-only"]);
      expect(tags.all).to.deep.equal(["parent"]);
    });
  });

  it("shares a change made before an async function's first await with its caller, as JavaScript runs that part in the caller's context", async () => {
    // This is why concurrent tasks need tag scopes of their own (the next capability).
    const tags = new SessionTags();
    await tags.run([], async () => {
      const task = async (tag: string) => {
        tags.add(tag);
        await turn();
        return tags.all;
      };
      const [a, b] = await Promise.all([task("a"), task("b")]);
      expect(a).to.deep.equal(["a"]);
      expect(b).to.deep.equal(["a", "b"]);
    });
  });
});

describe("a tag scope (SessionTags.run)", () => {
  it("gives each of two concurrent tasks only its own tags, whatever they add at their start", async () => {
    const tags = new SessionTags();
    const task = (tag: string) =>
      tags.run([], async () => {
        tags.add(tag);
        await turn();
        const seen = tags.all;
        await turn();
        return [seen, tags.all];
      });
    const [a, b] = await Promise.all([task("a"), task("b")]);
    expect(a).to.deep.equal([["a"], ["a"]]);
    expect(b).to.deep.equal([["b"], ["b"]]);
    expect(tags.all).to.deep.equal([]);
  });

  it("starts from the current tags plus its own, and what happens inside stays inside", () => {
    const tags = new SessionTags();
    tags.run(["outer"], () => {
      const inside = tags.run(["scope"], () => {
        const atStart = tags.all;
        tags.add("added-inside");
        tags.remove("outer");
        return [atStart, tags.all];
      });
      expect(inside).to.deep.equal([
        ["outer", "scope"],
        ["scope", "added-inside"],
      ]);
      expect(tags.all).to.deep.equal(["outer"]);
    });
  });

  it("returns what its function returns, and leaves the caller's tags as they were even when it throws", () => {
    const tags = new SessionTags();
    tags.add("caller");
    expect(tags.run(["x"], () => tags.all.length)).to.equal(2);
    expect(() =>
      tags.run([], () => {
        tags.add("thrown-away");
        throw new Error("boom");
      }),
    ).to.throw("boom");
    expect(tags.all).to.deep.equal(["caller"]);
  });

  it("keeps its tags for the work it leaves running after it returns", async () => {
    const tags = new SessionTags();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const leftRunning = tags.run(["first"], () => gate.then(() => tags.all));
    await tags.run(["second"], async () => {
      release();
      await turn();
    });
    expect(await leftRunning).to.deep.equal(["first"]);
  });
});
