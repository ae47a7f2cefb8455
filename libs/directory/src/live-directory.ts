// The directory every process reads reminders' recipients from. Kept in memory
// and checked against the database's revision on every read (one indexed row),
// so the first reminder after a change already sees it, in every process,
// without a restart or a message between processes.
import { AgencyIndex } from '@dondoc/catalog';
import type { AgencyDirectoryRepository } from '@dondoc/db';
import type { AgencyDirectory } from '@dondoc/domain';

import { overlayDirectory } from './overlay';

/** Where recipients are looked up: the live directory, or a fixed one in tests and benchmarks. */
export interface DirectorySource {
  current(): Promise<AgencyIndex>;
}

export const fixedDirectory = (index: AgencyIndex): DirectorySource => ({ current: async () => index });

/** The directory as it stands over a base read just now (e.g. seeds/ re-read for each report cycle), uncached. */
export async function storedDirectoryOver(repository: AgencyDirectoryRepository, base: AgencyDirectory): Promise<AgencyIndex> {
  return new AgencyIndex(overlayDirectory(base, await repository.snapshot()));
}

export class LiveDirectory implements DirectorySource {
  private cached: { revision: string; index: AgencyIndex } | null = null;
  private loading: Promise<AgencyIndex> | null = null;

  constructor(
    private readonly repository: AgencyDirectoryRepository,
    /** The seeds' directory (agencies, groups, reorganisations) the stored part is laid over. */
    readonly base: AgencyDirectory,
  ) {}

  async current(): Promise<AgencyIndex> {
    const revision = await this.repository.revision();
    if (this.cached?.revision === revision) return this.cached.index;
    // Concurrent readers share one load; a load of an older revision is checked again on the next read.
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<AgencyIndex> {
    const snapshot = await this.repository.snapshot();
    const index = new AgencyIndex(overlayDirectory(this.base, snapshot));
    if (this.cached === null || BigInt(snapshot.revision) >= BigInt(this.cached.revision)) this.cached = { revision: snapshot.revision, index };
    return index;
  }
}
