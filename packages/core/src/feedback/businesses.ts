import type { Clock } from '@city/auth';
import type { FeedbackAction } from '@city/contracts';
import { withOrganisation, withTenant, type Database } from '@city/db';
import { AppError } from '../errors.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { FeedbackReports } from './reports.ts';
import { neighbourhoodsHandledBy } from './units.ts';

/** A business's staff member, after the API checked they are on its staff. */
export interface BusinessStaff {
  organisationId: string;
  userId: string;
  displayName: string;
}

type Neighbourhood = { id: string; slug: string; name: string };

/**
 * 码上提 in a business's centre: the reports neighbourhoods assigned to the business (a vendor unit bound to it), across
 * those neighbourhoods. Where it handles reports is read in the business's own scope (the policy on units); each
 * neighbourhood is then entered as itself, and the loop lets the business see and do only what its units may.
 */
export class BusinessFeedback {
  private readonly deps: { db: Database; clock: Clock; reports: FeedbackReports; notifier: Notifier };

  constructor(deps: BusinessFeedback['deps']) {
    this.deps = deps;
  }

  neighbourhoods(organisationId: string): Promise<Neighbourhood[]> {
    return withOrganisation(this.deps.db, organisationId, (tx) => neighbourhoodsHandledBy(tx, organisationId));
  }

  /** Newest first, across neighbourhoods: the reports assigned to the business (in a state, when asked). */
  async list(staff: BusinessStaff, status?: 'assigned' | 'answered' | 'closed') {
    const now = this.deps.clock.now();
    const pages = await Promise.all(
      (await this.neighbourhoods(staff.organisationId)).map(async (neighbourhood) => {
        const page = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
          this.deps.reports.list(tx, viewer(staff), { limit: 100, status }, now),
        );
        return page.items.map((report) => ({
          ...report,
          neighbourhood: { slug: neighbourhood.slug, name: neighbourhood.name },
        }));
      }),
    );
    return pages.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async get(staff: BusinessStaff, slug: string, reportId: string) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    const report = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.get(tx, viewer(staff), reportId, this.deps.clock.now()),
    );
    return { ...report, neighbourhood: { slug, name: neighbourhood.name } };
  }

  /** A photo of what the business did (the handling side's). */
  async addPhoto(
    staff: BusinessStaff,
    slug: string,
    reportId: string,
    upload: () => Promise<{ type: string; bytes: Uint8Array }>,
  ) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    const context = {
      tenantId: neighbourhood.id,
      actor: { id: staff.userId, displayName: staff.displayName },
      at: this.deps.clock.now(),
    };
    return withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.addPhoto(tx, context, viewer(staff), reportId, upload),
    );
  }

  async photo(staff: BusinessStaff, slug: string, reportId: string, photoId: string) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    return withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.photo(tx, viewer(staff), reportId, photoId),
    );
  }

  /** Progress, answer or hand back, as the business's unit (the loop refuses anything else). */
  async act(staff: BusinessStaff, slug: string, reportId: string, action: FeedbackAction) {
    const neighbourhood = await this.neighbourhood(staff, slug);
    const context = {
      tenantId: neighbourhood.id,
      actor: { id: staff.userId, displayName: staff.displayName },
      at: this.deps.clock.now(),
    };
    const report = await withTenant(this.deps.db, neighbourhood.id, (tx) =>
      this.deps.reports.act(tx, context, viewer(staff), reportId, action),
    );
    await this.deps.notifier.afterCommit(neighbourhood.id);
    return { ...report, neighbourhood: { slug, name: neighbourhood.name } };
  }

  private async neighbourhood(staff: BusinessStaff, slug: string) {
    const found = (await this.neighbourhoods(staff.organisationId)).find((n) => n.slug === slug);
    if (!found) throw new AppError('not_found');
    return found;
  }
}

const viewer = (staff: BusinessStaff) => ({ userId: staff.userId, roles: [], organisationId: staff.organisationId });
