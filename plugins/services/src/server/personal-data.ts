import type { PersonalDataHooks } from '@city/plugin-sdk/server';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServicesSettings } from '../manifest.ts';
import { admissions, complaints, orderEvents, orders, reviews } from '../schema.ts';

/** What stands where the person's own words were, once they deleted their account. */
const ERASED_TEXT = '（内容已随作者注销账号删除）';

/**
 * 生活服务 and a resident's data (docs/domain.md §5.5). Exported: their orders (with each one's history), reviews and
 * complaints. Erased: their number and notes on orders, the words of their reviews and complaints, the reasons they
 * gave. Kept under the pseudonym: each order's money facts — what was bought, from whom, where, when, the amount and
 * the payment — which the vendor must keep (电子商务法 art. 31: three years from the transaction; PIPL art. 47
 * para. 2), the order's history, a review's rating (the vendor's standing), a complaint's handling.
 */
export const servicesPersonalData: PersonalDataHooks<ServicesSettings> = {
  async export(ctx, subject) {
    const mine = await ctx.db
      .select()
      .from(orders)
      .where(eq(orders.residentId, subject.userId))
      .orderBy(asc(orders.placedAt));
    const ids = mine.map((o) => o.id);
    const history = ids.length
      ? await ctx.db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).orderBy(asc(orderEvents.at))
      : [];
    return {
      orders: mine.map((o) => ({
        id: o.id,
        offering: o.offeringTitle,
        vendor: o.vendorName,
        name: o.residentName,
        address: o.address,
        contactPhone: o.contactPhone,
        notes: o.notes,
        quantity: o.quantity,
        priceFen: o.priceFen,
        priceUnit: o.priceUnit,
        amountFen: o.amountFen,
        slot: { startsAt: o.slotStartsAt, endsAt: o.slotEndsAt },
        status: o.status,
        payment: { provider: o.paymentProvider, status: o.paymentStatus, reference: o.paymentReference },
        placedAt: o.placedAt,
        history: history
          .filter((e) => e.orderId === o.id)
          .map((e) => ({ from: e.fromStatus, to: e.toStatus, by: e.actorName, reason: e.reason, at: e.at })),
      })),
      reviews: ids.length
        ? await ctx.db
            .select({
              orderId: reviews.orderId,
              rating: reviews.rating,
              comment: reviews.comment,
              createdAt: reviews.createdAt,
              reply: reviews.reply,
              repliedAt: reviews.repliedAt,
            })
            .from(reviews)
            .where(inArray(reviews.orderId, ids))
        : [],
      complaints: await ctx.db
        .select({
          id: complaints.id,
          orderId: complaints.orderId,
          vendor: complaints.vendorName,
          body: complaints.body,
          status: complaints.status,
          resolution: complaints.resolution,
          createdAt: complaints.createdAt,
          resolvedAt: complaints.resolvedAt,
        })
        .from(complaints)
        .where(eq(complaints.residentId, subject.userId))
        .orderBy(asc(complaints.createdAt)),
    };
  },

  async erase(ctx, subject) {
    const { db } = ctx;
    const { userId, pseudonym, names } = subject;
    const mine = await db.select({ id: orders.id }).from(orders).where(eq(orders.residentId, userId));
    await db
      .update(orders)
      .set({ residentName: pseudonym, contactPhone: '', notes: '' })
      .where(eq(orders.residentId, userId));
    // The history's resident steps: migration 0001 lets the plugin rewrite only their name and reason.
    await db
      .update(orderEvents)
      .set({ actorName: pseudonym, reason: null })
      .where(and(eq(orderEvents.actorKind, 'resident'), eq(orderEvents.actorId, userId)));
    if (mine.length) {
      await db
        .update(reviews)
        .set({ residentName: pseudonym, comment: '' })
        .where(
          inArray(
            reviews.orderId,
            mine.map((o) => o.id),
          ),
        );
    }
    await db
      .update(complaints)
      .set({ residentName: pseudonym, body: ERASED_TEXT })
      .where(eq(complaints.residentId, userId));
    if (names.length) {
      // The neighbourhood's admins are named, not identified, on the decisions they made here.
      await db.update(complaints).set({ resolvedByName: pseudonym }).where(inArray(complaints.resolvedByName, names));
      await db.update(admissions).set({ decidedByName: pseudonym }).where(inArray(admissions.decidedByName, names));
    }
  },

  /**
   * A business's staff member: the steps they took on its orders, the replies they signed, the applications they
   * filed. The business keeps each of these (they are its dealings with residents and neighbourhoods), and the
   * person's name on them becomes the pseudonym. Their own account's name is the only one the business knows.
   */
  staff: {
    async export(ctx, subject) {
      const [name] = subject.names;
      return {
        orderSteps: await ctx.db
          .select({
            orderId: orderEvents.orderId,
            offering: orders.offeringTitle,
            neighbourhood: orders.tenantName,
            from: orderEvents.fromStatus,
            to: orderEvents.toStatus,
            reason: orderEvents.reason,
            at: orderEvents.at,
          })
          .from(orderEvents)
          .innerJoin(orders, eq(orders.id, orderEvents.orderId))
          .where(and(eq(orderEvents.actorKind, 'vendor'), eq(orderEvents.actorId, subject.userId)))
          .orderBy(asc(orderEvents.at)),
        replies: name
          ? await ctx.db
              .select({ orderId: reviews.orderId, reply: reviews.reply, repliedAt: reviews.repliedAt })
              .from(reviews)
              .where(eq(reviews.repliedByName, name))
              .orderBy(asc(reviews.repliedAt))
          : [],
        applications: name
          ? await ctx.db
              .select({ neighbourhood: admissions.tenantName, note: admissions.note, appliedAt: admissions.appliedAt })
              .from(admissions)
              .where(eq(admissions.appliedByName, name))
              .orderBy(asc(admissions.appliedAt))
          : [],
      };
    },

    async erase(ctx, subject) {
      const { db } = ctx;
      const { userId, pseudonym, names } = subject;
      // Migration 0001 lets the plugin rewrite a step's name (and reason); the business's reasons stay.
      await db
        .update(orderEvents)
        .set({ actorName: pseudonym })
        .where(and(eq(orderEvents.actorKind, 'vendor'), eq(orderEvents.actorId, userId)));
      if (!names.length) return;
      await db.update(reviews).set({ repliedByName: pseudonym }).where(inArray(reviews.repliedByName, names));
      await db.update(admissions).set({ appliedByName: pseudonym }).where(inArray(admissions.appliedByName, names));
    },
  },
};
