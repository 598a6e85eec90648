import { definePluginPortal } from '@city/plugin-sdk/portal';
import type { ServicesApi, ServicesVendorApi } from '../server/index.ts';
import { adminPage } from './admin.ts';
import { browsePage, offeringPage } from './catalogue.ts';
import { messages } from './messages/index.ts';
import { orderPage, ordersPage } from './my-orders.ts';
import { vendorHomePage } from './vendor-home.ts';
import { vendorOfferingsPage } from './vendor-offerings.ts';
import { vendorOrdersPage } from './vendor-orders.ts';
import { vendorProfilePage } from './vendor-profile.ts';
import { vendorReviewsPage } from './vendor-reviews.ts';

export default definePluginPortal<ServicesApi, never, never, ServicesVendorApi>({
  messages,
  pages: {
    '/': browsePage,
    '/offerings/[offeringId]': offeringPage,
    '/orders': ordersPage,
    '/orders/[orderId]': orderPage,
    '/admin': adminPage,
  },
  organisationNavigation: [
    { path: '/', label: { 'zh-CN': '生活服务 · 经营概况', en: 'Local services · overview' } },
    { path: '/orders', label: { 'zh-CN': '生活服务 · 订单', en: 'Local services · orders' } },
  ],
  organisationPages: {
    '/': vendorHomePage,
    '/profile': vendorProfilePage,
    '/offerings': vendorOfferingsPage,
    '/orders': vendorOrdersPage,
    '/reviews': vendorReviewsPage,
  },
});
