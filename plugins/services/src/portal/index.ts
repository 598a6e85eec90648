import { PAGES, VENDOR_PAGES } from '../pages.ts';
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
    [PAGES.browse]: browsePage,
    [PAGES.offering]: offeringPage,
    [PAGES.orders]: ordersPage,
    [PAGES.order]: orderPage,
    [PAGES.admin]: adminPage,
  },
  organisationNavigation: [
    { path: VENDOR_PAGES.home, label: { 'zh-CN': '生活服务 · 经营概况', en: 'Local services · overview' } },
    { path: VENDOR_PAGES.orders, label: { 'zh-CN': '生活服务 · 订单', en: 'Local services · orders' } },
  ],
  organisationPages: {
    [VENDOR_PAGES.home]: vendorHomePage,
    [VENDOR_PAGES.profile]: vendorProfilePage,
    [VENDOR_PAGES.offerings]: vendorOfferingsPage,
    [VENDOR_PAGES.orders]: vendorOrdersPage,
    [VENDOR_PAGES.reviews]: vendorReviewsPage,
  },
});
