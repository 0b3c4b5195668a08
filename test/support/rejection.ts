import { expect } from "chai";

/** Expects `action` to reject with an error whose message matches `message`. */
export async function expectRejection(action: PromiseLike<unknown>, message: RegExp): Promise<void> {
  try {
    await action;
  } catch (err) {
    expect((err as Error).message).to.match(message);
    return;
  }
  expect.fail(`expected a rejection matching ${message}`);
}
