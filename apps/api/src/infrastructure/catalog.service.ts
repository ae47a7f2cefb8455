import { type AgencyIndex, loadAgencyDirectory, type ReferenceIndex } from '@dondoc/catalog';
import { type CalendarOverrides, loadCalendarOverridesDir } from '@dondoc/calendar';
import type { AgencyDirectory, Plan } from '@dondoc/domain';
import { loadSeedCatalog } from '@dondoc/plan-sync';
import type { EscalationPolicy } from '@dondoc/policy';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  private overrides: { readonly stamp: string; readonly value: readonly CalendarOverrides[] };
  private readonly calendarDir: string;
  /** The seed plans as loaded at boot, for pages that name a plan's tasks when no version of it was imported. */
  readonly seedPlans: ReadonlyMap<string, Plan>;
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
    this.calendarDir = path.join(seedsDir, 'calendar');
    this.overrides = { stamp: this.calendarStamp(), value: catalog.calendarOverrides };
    this.seedPlans = catalog.plans;
    this.policies = catalog.policyFor;
  }

  /**
   * The holiday announcements as they are now: `dondoc calendar import` adds a year
   * while the API runs, and an import through the API must not move workflows back
   * onto the calendar the API booted with. Re-read when a file in the folder changed.
   */
  get calendarOverrides(): readonly CalendarOverrides[] {
    const stamp = this.calendarStamp();
    if (stamp !== this.overrides.stamp) this.overrides = { stamp, value: existsSync(this.calendarDir) ? loadCalendarOverridesDir(this.calendarDir) : [] };
    return this.overrides.value;
  }

  private calendarStamp(): string {
    if (!existsSync(this.calendarDir)) return '';
    return readdirSync(this.calendarDir)
      .sort()
      .map((name) => `${name}:${statSync(path.join(this.calendarDir, name)).mtimeMs}`)
      .join('|');
  }

  policyFor(planId: string): EscalationPolicy {
    return this.policies(planId);
  }
}
