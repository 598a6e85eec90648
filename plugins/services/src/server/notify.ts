import type { OrganisationContext, PluginContext, PluginTodo } from '@city/plugin-sdk/server';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { printDateTime, printDateTimeEnglish } from '@city/plugin-sdk/documents';
import { pluginPagePath, pluginPath } from '@city/plugin-sdk/links';
import type { OrderStatus } from '../order-states.ts';
import { PAGES, VENDOR_PAGES } from '../pages.ts';
import { orders, reviews } from '../schema.ts';

type Order = typeof orders.$inferSelect;

/** How a resident reads a move the business made. */
const MOVES: Partial<Record<OrderStatus, { 'zh-CN': string; en: string }>> = {
  accepted: { 'zh-CN': '商家已接单', en: 'accepted by the business' },
  declined: { 'zh-CN': '商家未能接单', en: 'declined by the business' },
  in_service: { 'zh-CN': '服务已开始', en: 'service started' },
  completed: { 'zh-CN': '服务已完成，欢迎评价', en: 'completed — please review it' },
  cancelled: { 'zh-CN': '商家已取消', en: 'cancelled by the business' },
};

const memberOrderPage = (slug: string, orderId: string) =>
  pluginPagePath('member', slug, 'services', pluginPath(PAGES.order, { orderId }));
const vendorOrdersPage = (organisationId: string) =>
  pluginPagePath('organisation', organisationId, 'services', pluginPath(VENDOR_PAGES.orders));

/** The business's staff learn of a new order, or of one the resident cancelled (where the neighbourhood allows). */
export async function tellBusiness(ctx: PluginContext, order: Order, what: 'placed' | 'cancelled') {
  if (!ctx.granted('notifications:send')) return;
  await ctx.notifications.send({
    kind: what === 'placed' ? 'order.placed' : 'order.cancelled',
    key: `${what}:${order.id}`,
    to: { organisation: order.organisationId },
    title:
      what === 'placed'
        ? { 'zh-CN': `新订单：${order.offeringTitle}`, en: `New order: ${order.offeringTitle}` }
        : { 'zh-CN': `订单已取消：${order.offeringTitle}`, en: `Order cancelled: ${order.offeringTitle}` },
    body: {
      'zh-CN': `${order.tenantName} · ${order.address} · 预约 ${printDateTime(order.slotStartsAt)}`,
      en: `${order.tenantName} · ${order.address} · booked for ${printDateTimeEnglish(order.slotStartsAt)} (Beijing time)`,
    },
    link: vendorOrdersPage(order.organisationId),
  });
}

/** The resident learns of each move the business makes on their order. */
export async function tellResident(ctx: OrganisationContext, order: Order, to: OrderStatus, reason?: string) {
  const move = MOVES[to];
  if (!move || !(await ctx.notifications.granted(order.tenantId))) return;
  const neighbourhood = await ctx.neighbourhoods.offeringById(order.tenantId);
  if (!neighbourhood) return;
  const why = reason?.trim();
  await ctx.notifications.send(order.tenantId, {
    kind: 'order.updated',
    key: `moved:${order.id}:${to}`,
    to: { users: [order.residentId] },
    title: { 'zh-CN': `${order.offeringTitle}：${move['zh-CN']}`, en: `${order.offeringTitle}: ${move.en}` },
    body: {
      'zh-CN': why ? `${order.vendorName}：${why}` : order.vendorName,
      en: why ? `${order.vendorName}: ${why}` : order.vendorName,
    },
    link: memberOrderPage(neighbourhood.slug, order.id),
  });
}

/** The resident learns how the neighbourhood handled their complaint. */
export async function tellComplainant(
  ctx: PluginContext,
  complaint: { id: string; orderId: string; residentId: string; vendorName: string; resolution: string | null },
) {
  if (!ctx.granted('notifications:send')) return;
  await ctx.notifications.send({
    kind: 'complaint.resolved',
    key: `complaint:${complaint.id}`,
    to: { users: [complaint.residentId] },
    title: {
      'zh-CN': `您对${complaint.vendorName}的投诉已处理`,
      en: `Your complaint about ${complaint.vendorName} was handled`,
    },
    body: { 'zh-CN': complaint.resolution ?? '', en: complaint.resolution ?? '' },
    link: memberOrderPage(ctx.tenant.slug, complaint.orderId),
  });
}

const IN_PROGRESS: OrderStatus[] = ['placed', 'accepted', 'in_service'];
const REVIEW_WINDOW_MS = 14 * 86_400_000;

/** The resident's to-do: orders on their way, and services completed lately that they have not reviewed. */
export async function ordersToFollow(ctx: PluginContext): Promise<PluginTodo[]> {
  const since = new Date(ctx.now().getTime() - REVIEW_WINDOW_MS);
  const rows = await ctx.db
    .select({ order: orders, reviewed: sql<boolean>`${reviews.orderId} is not null` })
    .from(orders)
    .leftJoin(reviews, eq(reviews.orderId, orders.id))
    .where(
      and(
        eq(orders.residentId, ctx.actor!.id),
        or(
          inArray(orders.status, IN_PROGRESS),
          and(eq(orders.status, 'completed'), isNull(reviews.orderId), gt(orders.updatedAt, since)),
        ),
      ),
    )
    .orderBy(asc(orders.slotStartsAt))
    .limit(10);
  return rows.map(({ order }) => {
    const review = order.status === 'completed';
    return {
      kind: review ? 'review' : 'order',
      title: review
        ? { 'zh-CN': `评价服务：${order.offeringTitle}`, en: `Review: ${order.offeringTitle}` }
        : { 'zh-CN': `订单进行中：${order.offeringTitle}`, en: `Order in progress: ${order.offeringTitle}` },
      body: {
        'zh-CN': `${order.vendorName} · ${printDateTime(order.slotStartsAt)}`,
        en: `${order.vendorName} · ${printDateTimeEnglish(order.slotStartsAt)}`,
      },
      link: memberOrderPage(ctx.tenant.slug, order.id),
      action: review ? { 'zh-CN': '去评价', en: 'Review' } : { 'zh-CN': '查看订单', en: 'View order' },
      due: null,
      urgent: false,
    };
  });
}
