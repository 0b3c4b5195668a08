// When the server loses the notebook's session (it restarted, or expired the session), the cell
// that finds out fails with Spark's error, and `spark` is replaced by a new session on the same
// server, so the next cell just works. Nothing else is replaced: what the old session held on
// the server (temp views, cached data, settings) is gone, and the error says so.
import { SparkConnectError, SparkSession } from "spark-ts";

/** Whether an error means the server no longer has the session (INVALID_HANDLE.SESSION_*). */
export function isLostSession(error: unknown): boolean {
  return error instanceof SparkConnectError && /^INVALID_HANDLE\.SESSION_/.test(error.errorClass ?? "");
}

/** The notebook's current session, replaced when the server loses it. */
export class SessionHolder {
  #listeners: ((session: SparkSession) => void)[] = [];

  constructor(
    /** The session cells see as `spark`. */
    public current: SparkSession,
    private readonly remote: string,
  ) {}

  /** Calls `listener` with each new session. */
  onRenew(listener: (session: SparkSession) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * After a failed cell: if the server lost the session, a new one takes its place, and the
   * resolved text (for the error's traceback) says what happened.
   */
  async recover(error: unknown): Promise<string | undefined> {
    if (!isLostSession(error)) return undefined;
    const lost = this.current;
    // Not awaited: the release of a session the server already lost may fail or take its retries,
    // and neither may keep the notebook from its new session. `stop` forgets the lost session as
    // the active one at once, and `create` never hands it back.
    lost.stop().catch(() => undefined);
    const renewed = await SparkSession.builder.remote(this.remote).create();
    SparkSession.setActiveSession(renewed);
    this.current = renewed;
    for (const listener of this.#listeners) listener(renewed);
    return (
      "spark-ts-kernel: the server no longer has this notebook's Spark session, so `spark` is now a new " +
      "session on the same server; temp views, cached data and settings of the old one are gone."
    );
  }
}
