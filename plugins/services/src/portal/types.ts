import type { PageKit, PluginPageProps } from '@city/plugin-sdk/portal';
import type { z } from '@hono/zod-openapi';
import type {
  AdminVendorSchema,
  ComplaintSchema,
  DecisionInputSchema,
  DashboardSchema,
  NeighbourhoodOptionSchema,
  OfferingDetailSchema,
  OfferingPageSchema,
  OrderDetailSchema,
  OrderPageSchema,
  ReviewSchema,
  VendorOfferingSchema,
  VendorProfileSchema,
} from '../contracts.ts';
import type { MessageKey } from './messages/index.ts';

export type OfferingPage = z.infer<typeof OfferingPageSchema>;
export type OfferingDetail = z.infer<typeof OfferingDetailSchema>;
export type OrderPage = z.infer<typeof OrderPageSchema>;
export type OrderDetail = z.infer<typeof OrderDetailSchema>;
export type Order = OrderPage['items'][number];
export type AdminVendor = z.infer<typeof AdminVendorSchema>;
export type Complaint = z.infer<typeof ComplaintSchema>;
export type Decision = z.infer<typeof DecisionInputSchema>['decision'];
export type Review = z.infer<typeof ReviewSchema>;
export type VendorProfile = z.infer<typeof VendorProfileSchema>;
export type NeighbourhoodOption = z.infer<typeof NeighbourhoodOptionSchema>;
export type VendorOffering = z.infer<typeof VendorOfferingSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;

/** A page's props and its kit, knowing the plugin's message keys: a misspelt `kit.t('…')` fails the type check. */
export type PageProps<Data> = PluginPageProps<Data, MessageKey>;
export type Kit = PageKit<MessageKey>;
