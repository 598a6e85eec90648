import { z } from '@hono/zod-openapi';
import { definePlugin } from '@city/plugin-sdk';
import { PAGES } from './pages.ts';

/**
 * 生活服务: service businesses (家政, 维修, 养老, 托幼 …) sign up once on the platform, apply to serve neighbourhoods,
 * and list offerings with bookable slots; residents order to their verified home, follow the order and review it.
 */
export const servicesManifest = definePlugin({
  id: 'services',
  version: '1.2.0',
  name: { 'zh-CN': '生活服务', en: 'Local services' },
  description: {
    'zh-CN':
      '家政、维修、养老、托幼、洗衣等服务商经小区审核入驻，发布服务和可预约时段；住户在手机上预约到家、跟踪订单、完成后评价，投诉由小区管理员处理。',
    en: 'Housekeeping, repair, elderly care, childcare, laundry and other vendors apply to serve the neighbourhood and list services with bookable times; residents book to their home on the phone, follow the order and review it, and the admin handles complaints.',
  },
  icon: 'store',
  category: 'services',
  publisher: '城市生活网',
  coreRange: '^1.0.0',
  scopes: ['members:homes', 'audit:write', 'notifications:send', 'feedback:create'],
  notifications: {
    'order.placed': { name: { 'zh-CN': '新订单（商户）', en: 'New orders (businesses)' } },
    'order.cancelled': { name: { 'zh-CN': '住户取消订单（商户）', en: 'Orders cancelled by residents (businesses)' } },
    'order.updated': { name: { 'zh-CN': '订单进展', en: 'Order updates' } },
    'complaint.resolved': { name: { 'zh-CN': '投诉处理结果', en: 'Complaints handled' } },
  },
  settings: z.object({}),
  navigation: [
    { path: PAGES.browse, label: { 'zh-CN': '生活服务', en: 'Local services' } },
    { path: PAGES.orders, label: { 'zh-CN': '我的订单', en: 'My orders' }, icon: 'receipt' },
    { path: PAGES.admin, label: { 'zh-CN': '服务商管理', en: 'Vendors' }, icon: 'handshake', roles: ['admin'] },
  ],
  // The audit trail's words for each action this plugin records. `{vendor}` is the business's name; entries recorded
  // before it was kept lack it, and the trail reads them by the label.
  audit: {
    vendor_admitted: {
      label: { 'zh-CN': '准入服务商', en: 'Provider admitted' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 准入了服务商「{vendor}」',
        en: '{actor} admitted the provider “{vendor}” to {plugin}',
      },
    },
    vendor_refused: {
      label: { 'zh-CN': '拒绝服务商申请', en: 'Provider refused' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 拒绝了服务商「{vendor}」的申请',
        en: '{actor} refused the application of the provider “{vendor}” to {plugin}',
      },
    },
    vendor_suspended: {
      label: { 'zh-CN': '暂停服务商', en: 'Provider suspended' },
      sentence: {
        'zh-CN': '{actor} 在 {plugin} 暂停了服务商「{vendor}」',
        en: '{actor} suspended the provider “{vendor}” in {plugin}',
      },
    },
  },
});

export type ServicesSettings = z.infer<typeof servicesManifest.settings>;
