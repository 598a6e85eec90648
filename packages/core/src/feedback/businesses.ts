import { withOrganisation } from '@city/db';
import { HandlingSide, type Neighbourhood, type SideStaff } from './handling-side.ts';
import { neighbourhoodsHandledBy } from './units.ts';

/** A business's staff member, after the API checked they are on its staff. */
export interface BusinessStaff extends SideStaff {
  organisationId: string;
}

/**
 * 码上提 in a business's centre: the reports neighbourhoods assigned to the business (a vendor unit bound to it), across
 * those neighbourhoods. Where it handles reports is read in the business's own scope (the policy on units).
 */
export class BusinessFeedback extends HandlingSide<BusinessStaff> {
  neighbourhoods(organisationId: string): Promise<Neighbourhood[]> {
    return withOrganisation(this.deps.db, organisationId, (tx) => neighbourhoodsHandledBy(tx, organisationId));
  }

  protected neighbourhoodsOf(staff: BusinessStaff) {
    return this.neighbourhoods(staff.organisationId);
  }

  protected viewer(staff: BusinessStaff) {
    return { userId: staff.userId, roles: [], organisationId: staff.organisationId };
  }
}
