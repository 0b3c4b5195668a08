import type { Command } from "../../gen/spark/connect/commands";
import { executeToChunks, type ExecutionSummary } from "../execution";
import type { SparkSession } from "../session";

/** Runs a streaming command and gives what its execution returned. */
export async function command(session: SparkSession, commandType: NonNullable<Command["commandType"]>): Promise<ExecutionSummary> {
  const { summary } = await executeToChunks(session.client, { opType: { $case: "command", command: { commandType } } });
  return summary;
}
