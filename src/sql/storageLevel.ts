import type { StorageLevel as StorageLevelProto } from "../gen/spark/connect/common";

/**
 * Where and how cached data is kept: memory, disk, off-heap, serialized or not, and in how many
 * copies. The named levels are Spark's own (`StorageLevel.MEMORY_AND_DISK`, ...).
 *
 * @example
 * ```ts
 * await df.persist(StorageLevel.DISK_ONLY);
 * String(await df.storageLevel); // "Disk Serialized 1x Replicated"
 * ```
 */
export class StorageLevel {
  static readonly NONE = new StorageLevel(false, false, false, false);
  static readonly DISK_ONLY = new StorageLevel(true, false, false, false);
  static readonly DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  static readonly DISK_ONLY_3 = new StorageLevel(true, false, false, false, 3);
  static readonly MEMORY_ONLY = new StorageLevel(false, true, false, false);
  static readonly MEMORY_ONLY_2 = new StorageLevel(false, true, false, false, 2);
  static readonly MEMORY_AND_DISK = new StorageLevel(true, true, false, false);
  static readonly MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, false, 2);
  static readonly OFF_HEAP = new StorageLevel(true, true, true, false, 1);
  static readonly MEMORY_AND_DISK_DESER = new StorageLevel(true, true, false, true);

  constructor(
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly useOffHeap: boolean,
    readonly deserialized: boolean,
    readonly replication = 1,
  ) {
    Object.freeze(this);
  }

  /** @internal */
  static fromProto(proto: StorageLevelProto): StorageLevel {
    return new StorageLevel(proto.useDisk, proto.useMemory, proto.useOffHeap, proto.deserialized, proto.replication);
  }

  /** @internal */
  toProto(): StorageLevelProto {
    const { useDisk, useMemory, useOffHeap, deserialized, replication } = this;
    return { useDisk, useMemory, useOffHeap, deserialized, replication };
  }

  /** Whether two levels keep data the same way. */
  equals(other: StorageLevel): boolean {
    return (
      this.useDisk === other.useDisk &&
      this.useMemory === other.useMemory &&
      this.useOffHeap === other.useOffHeap &&
      this.deserialized === other.deserialized &&
      this.replication === other.replication
    );
  }

  /** Spark's description of the level: "Disk Memory Deserialized 1x Replicated". */
  toString(): string {
    const parts = [
      this.useDisk ? "Disk " : "",
      this.useMemory ? "Memory " : "",
      this.useOffHeap ? "OffHeap " : "",
      this.deserialized ? "Deserialized " : "Serialized ",
    ];
    return `${parts.join("")}${this.replication}x Replicated`;
  }
}
