import type { z } from '@hono/zod-openapi';
import type {
  AdminVendorSchema,
  ComplaintSchema,
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

export type OfferingPage = z.infer<typeof OfferingPageSchema>;
export type OfferingDetail = z.infer<typeof OfferingDetailSchema>;
export type OrderPage = z.infer<typeof OrderPageSchema>;
export type OrderDetail = z.infer<typeof OrderDetailSchema>;
export type Order = OrderPage['items'][number];
export type AdminVendor = z.infer<typeof AdminVendorSchema>;
export type Complaint = z.infer<typeof ComplaintSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type VendorProfile = z.infer<typeof VendorProfileSchema>;
export type NeighbourhoodOption = z.infer<typeof NeighbourhoodOptionSchema>;
export type VendorOffering = z.infer<typeof VendorOfferingSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
