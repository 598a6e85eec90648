import type { OrganisationContext, PluginContext } from '@city/plugin-sdk/server';
import { pluginPagePath, pluginPath } from '@city/plugin-sdk/links';
import type { OrderStatus } from '../order-states.ts';
import { PAGES, VENDOR_PAGES } from '../pages.ts';
import type { orders } from '../schema.ts';

type Order = typeof orders.$inferSelect;

/** How a resident reads a move the business made. */
const MOVES: Partial<Record<OrderStatus, { 'zh-CN': string; en: string }>> = {
  accepted: { 'zh-CN': '商家已接单', en: 'accepted by the business' },
  declined: { 'zh-CN': '商家未能接单', en: 'declined by the business' },
  in_service: { 'zh-CN': '服务已开始', en: 'service started' },
  completed: { 'zh-CN': '服务已完成，欢迎评价', en: 'completed — please review it' },
  cancelled: { 'zh-CN': '商家已取消', en: 'cancelled by the business' },
};

/** `2026-12-05 09:00`, Beijing time (UTC+8 all year), as texts show it. */
const beijingTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const memberOrderPage = (slug: string, orderId: string) =>
  pluginPagePath('member', slug, 'services', pluginPath(PAGES.order, { orderId }));
const vendorOrdersPage = (organisationId: string) =>
  pluginPagePath('organisation', organisationId, 'services', pluginPath(VENDOR_PAGES.orders));

/** The business's staff learn of a new order, or of one the resident cancelled (where the neighbourhood allows). */
export async function tellBusiness(ctx: PluginContext, order: Order, what: 'placed' | 'cancelled') {
  if (!ctx.granted('notifications:send')) return;
  const when = beijingTime(order.slotStartsAt);
  await ctx.notifications.send({
    kind: what === 'placed' ? 'order.placed' : 'order.cancelled',
    key: `${what}:${order.id}`,
    to: { organisation: order.organisationId },
    title:
      what === 'placed'
        ? { 'zh-CN': `新订单：${order.offeringTitle}`, en: `New order: ${order.offeringTitle}` }
        : { 'zh-CN': `订单已取消：${order.offeringTitle}`, en: `Order cancelled: ${order.offeringTitle}` },
    body: {
      'zh-CN': `${order.tenantName} · ${order.address} · 预约 ${when}`,
      en: `${order.tenantName} · ${order.address} · booked for ${when} (Beijing time)`,
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
