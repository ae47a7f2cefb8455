import { type AgencyIndex, loadAgencyDirectory, type ReferenceIndex } from '@dondoc/catalog';
import type { CalendarOverrides } from '@dondoc/calendar';
import type { AgencyDirectory } from '@dondoc/domain';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { EscalationPolicy } from '@dondoc/policy';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The agency directory, policies and holiday announcements from DONDOC_SEEDS_DIR,
 * loaded and validated once at boot: a broken seed stops the API, never a request.
 */
export class CatalogService {
  readonly index: AgencyIndex;
  readonly directory: AgencyDirectory;
  /** For checking the agency ids of an uploaded plan. */
  readonly references: ReferenceIndex;
  readonly calendarOverrides: readonly CalendarOverrides[];
  private readonly policies: (planId: string) => EscalationPolicy;

  constructor(seedsDir: string) {
    const catalog = loadSeedCatalog(seedsDir);
    const file = path.join(seedsDir, 'agencies.yaml');
    const loaded = loadAgencyDirectory({ file, text: readFileSync(file, 'utf8') });
    // loadSeedCatalog has just validated the same file, so this cannot fail.
    if (!loaded.ok) throw new Error(`${file}: danh mục cơ quan có lỗi`);
    this.index = catalog.index;
    this.directory = loaded.directory;
    this.references = loaded.references;
    this.calendarOverrides = catalog.calendarOverrides;
    this.policies = catalog.policyFor;
  }

  policyFor(planId: string): EscalationPolicy {
    return this.policies(planId);
  }
}
