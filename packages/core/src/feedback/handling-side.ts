import type { Clock } from '@city/auth';
import type { FeedbackAction } from '@city/contracts';
import { withTenant, type Database } from '@city/db';
import { AppError } from '../errors.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { FeedbackReports, FeedbackViewer } from './reports.ts';

export type Neighbourhood = { id: string; slug: string; name: string };

/** A person acting for a handling side, after the API or the core checked they belong to it. */
export interface SideStaff {
  userId: string;
  displayName: string;
}

/**
 * 码上提 for a handling unit that works from outside the neighbourhoods (a business in its centre, a 街道 department
 * in its queue): the reports assigned to it, across the neighbourhoods where it handles reports. Where that is comes
 * from the side's own scope (a policy on units); each neighbourhood is then entered as itself, and the loop lets the
 * side see and do only what its units may. Each side says where it works and who its people are there.
 */
export abstract class HandlingSide<S extends SideStaff> {
  protected readonly deps: { db: Database; clock: Clock; reports: FeedbackReports; notifier: Notifier };

  constructor(deps: HandlingSide<S>['deps']) {
    this.deps = deps;
  }

  /** The neighbourhoods where the side handles reports, read in its own scope. */
  protected abstract neighbourhoodsOf(staff: S): Promise<Neighbourhood[]>;

  /** Who the staff member is inside a neighbourhood: the side's units, no role of the neighbourhood's. */
  protected abstract viewer(staff: S): FeedbackViewer;

  /** Newest first, across neighbourhoods: the reports assigned to the side (in a state, when asked). */
  async list(staff: S, status?: 'assigned' | 'answered' | 'closed') {
    const now = this.deps.clock.now();
    const pages = await Promise.all(
      (await this.neighbourhoodsOf(staff)).map(async (neighbourhood) => {
        const page = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
          this.deps.reports.list(tx, this.viewer(staff), { limit: 100, status }, now),
        );
        return page.items.map((report) => ({
          ...report,
          neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
        }));
      }),
    );
    return pages.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async get(staff: S, slug: string, reportId: string) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    const report = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.get(tx, this.viewer(staff), reportId, this.deps.clock.now()),
    );
    return { ...report, neighbourhood: { slug, name: neighbourhood.name } };
  }

  /** A photo of what the side did (the handling side's). */
  async addPhoto(staff: S, slug: string, reportId: string, upload: () => Promise<{ type: string; bytes: Uint8Array }>) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    return withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.addPhoto(tx, this.context(staff, neighbourhood), this.viewer(staff), reportId, upload),
    );
  }

  async photo(staff: S, slug: string, reportId: string, photoId: string) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    return withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.photo(tx, this.viewer(staff), reportId, photoId),
    );
  }

  /** Progress, answer or hand back, as the side's unit (the loop refuses anything else). */
  async act(staff: S, slug: string, reportId: string, action: FeedbackAction) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    const report = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.act(tx, this.context(staff, neighbourhood), this.viewer(staff), reportId, action),
    );
    await this.deps.notifier.afterCommit(neighbourhood.id);
    return { ...report, neighbourhood: { slug, name: neighbourhood.name } };
  }

  private context(staff: S, neighbourhood: Neighbourhood) {
    return {
      tenantId: neighbourhood.id,
      actor: { id: staff.userId, displayName: staff.displayName },
      at: this.deps.clock.now(),
    };
  }

  private async neighbourhood(staff: S, slug: string) {
    const found = (await this.neighbourhoodsOf(staff)).find((n) => n.slug === slug);
    if (!found) throw new AppError('not_found');
    return found;
  }
}
