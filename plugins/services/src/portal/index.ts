import { definePluginPortal } from '@city/plugin-sdk/portal';
import type { ServicesApi, ServicesVendorApi } from '../server/index.ts';
import { CATEGORY_IDS, PRICE_UNIT_IDS, type Category, type PriceUnit } from '../categories.ts';
import { yuanToFen } from '../money.ts';
import type { OrderStatus } from '../schema.ts';
import { beijingTime, newKey, text } from './form-data.ts';
import { messages } from './messages.ts';

const category = (value: string) => (CATEGORY_IDS.includes(value as Category) ? (value as Category) : undefined);
const priceUnit = (value: string) => (PRICE_UNIT_IDS.includes(value as PriceUnit) ? (value as PriceUnit) : 'visit');

/** An offering's fields from its form; the price is typed in yuan and sent in fen. */
function offeringFields(form: FormData) {
  const values = Object.fromEntries(
    ['title', 'description', 'category', 'price', 'priceUnit'].map((k) => [k, text(form, k)]),
  );
  const priceFen = yuanToFen(values.price!);
  return {
    values,
    priceFen,
    json: {
      title: values.title!,
      description: values.description!,
      category: category(values.category!) ?? 'other',
      priceFen: priceFen ?? 0,
      priceUnit: priceUnit(values.priceUnit!),
    },
  };
}

/** A form refused before the API is asked, in the visitor's words, next to the field: as the API would answer. */
function localFailure(locale: 'zh-CN' | 'en', key: keyof (typeof messages)['zh-CN'], field: string) {
  const message = messages[locale][key];
  const problem = { title: message, status: 400, errors: [{ path: field, message }] };
  return new Response(JSON.stringify(problem), {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
  });
}

const priceRefused = (locale: 'zh-CN' | 'en', values: Record<string, string>) => ({
  failed: localFailure(locale, 'vendor.offering.priceInvalid', 'priceFen'),
  values,
});

export default definePluginPortal<ServicesApi, never, never, ServicesVendorApi>({
  messages,
  pages: {
    '/': {
      component: () => import('./BrowsePage.svelte'),
      load: async ({ client, ok, url }) => {
        const q = url.searchParams.get('q')?.trim() || undefined;
        const chosen = category(url.searchParams.get('category') ?? '');
        return {
          q: q ?? '',
          category: chosen ?? '',
          page: await ok(
            await client.offerings.$get({
              query: { q, category: chosen, cursor: url.searchParams.get('cursor') ?? undefined },
            }),
          ),
        };
      },
    },
    '/offerings/[offeringId]': {
      component: () => import('./OfferingPage.svelte'),
      load: async ({ client, ok, params }) => ({
        detail: await ok(await client.offerings[':offeringId'].$get({ param: { offeringId: params.offeringId! } })),
        key: newKey(),
      }),
      actions: {
        order: async ({ client, form }) => {
          const values = Object.fromEntries(
            ['slotId', 'unitId', 'quantity', 'contactPhone', 'notes', 'key', 'offeringId'].map((k) => [
              k,
              text(form, k),
            ]),
          );
          const res = await client.orders.$post({
            json: {
              offeringId: values.offeringId!,
              slotId: values.slotId!,
              unitId: values.unitId!,
              quantity: Number(values.quantity || '1'),
              contactPhone: values.contactPhone!,
              notes: values.notes!,
            },
            header: { 'idempotency-key': values.key! },
          });
          if (!res.ok) return { failed: res, values };
          return { redirect: `/orders/${(await res.json()).id}?placed=1` };
        },
      },
    },
    '/orders': {
      component: () => import('./OrdersPage.svelte'),
      load: async ({ client, ok, url }) => ({
        page: await ok(await client.orders.$get({ query: { cursor: url.searchParams.get('cursor') ?? undefined } })),
      }),
    },
    '/orders/[orderId]': {
      component: () => import('./OrderPage.svelte'),
      load: async ({ client, ok, params, url }) => ({
        order: await ok(await client.orders[':orderId'].$get({ param: { orderId: params.orderId! } })),
        placed: url.searchParams.has('placed'),
      }),
      actions: {
        cancel: async ({ client, form, params }) => {
          const res = await client.orders[':orderId'].cancel.$post({
            param: { orderId: params.orderId! },
            json: { reason: text(form, 'reason') || undefined },
          });
          return res.ok ? { cancelled: true } : { failed: res };
        },
        review: async ({ client, form, params }) => {
          const values = { rating: text(form, 'rating'), comment: text(form, 'comment') };
          const res = await client.orders[':orderId'].review.$post({
            param: { orderId: params.orderId! },
            json: { rating: Number(values.rating), comment: values.comment },
          });
          return res.ok ? { reviewed: true } : { failed: res, values };
        },
        complain: async ({ client, form, params }) => {
          const values = { body: text(form, 'body') };
          const res = await client.orders[':orderId'].complaint.$post({
            param: { orderId: params.orderId! },
            json: values,
          });
          return res.ok ? { complained: true } : { failed: res, values };
        },
      },
    },
    '/admin': {
      component: () => import('./AdminPage.svelte'),
      load: async ({ client, ok }) => ({
        vendors: (await ok(await client.admin.vendors.$get())).items,
        complaints: (await ok(await client.admin.complaints.$get())).items,
      }),
      actions: {
        decide: async ({ client, form }) => {
          const decision = text(form, 'decision');
          const reason = text(form, 'reason');
          const organisationId = text(form, 'organisationId');
          const json =
            decision === 'refuse' || decision === 'suspend'
              ? { decision: decision, reason }
              : { decision: decision === 'reinstate' ? ('reinstate' as const) : ('admit' as const) };
          const res = await client.admin.vendors[':organisationId'].decision.$post({ param: { organisationId }, json });
          return res.ok ? { decided: true } : { failed: res, values: { organisationId, reason } };
        },
        resolve: async ({ client, form }) => {
          const values = { complaintId: text(form, 'complaintId'), resolution: text(form, 'resolution') };
          const res = await client.admin.complaints[':complaintId'].resolve.$post({
            param: { complaintId: values.complaintId },
            json: { resolution: values.resolution },
          });
          return res.ok ? { resolved: true } : { failed: res, values };
        },
      },
    },
  },
  organisationNavigation: [
    { path: '/', label: { 'zh-CN': '生活服务 · 经营概况', en: 'Local services · overview' } },
    { path: '/orders', label: { 'zh-CN': '生活服务 · 订单', en: 'Local services · orders' } },
  ],
  organisationPages: {
    '/': {
      component: () => import('./VendorHomePage.svelte'),
      load: async ({ client, ok }) => ({
        profile: await ok(await client.profile.$get()),
        neighbourhoods: (await ok(await client.neighbourhoods.$get())).items,
        dashboard: await ok(await client.dashboard.$get()),
      }),
      actions: {
        apply: async ({ client, form }) => {
          const values = { neighbourhood: text(form, 'neighbourhood'), note: text(form, 'note') };
          const res = await client.applications.$post({ json: values });
          return res.ok ? { applied: true } : { failed: res, values };
        },
        withdraw: async ({ client, form }) => {
          const res = await client.applications[':tenantId'].withdraw.$post({
            param: { tenantId: text(form, 'tenantId') },
          });
          return res.ok ? { saved: true } : { failed: res };
        },
        point: async ({ client, form }) => {
          const values = {
            tenantId: text(form, 'tenantId'),
            address: text(form, 'address'),
            hours: text(form, 'hours'),
          };
          const res = await client.admissions[':tenantId']['service-point'].$put({
            param: { tenantId: values.tenantId },
            json: { address: values.address, hours: values.hours },
          });
          return res.ok ? { saved: true } : { failed: res, values };
        },
      },
    },
    '/profile': {
      component: () => import('./VendorProfilePage.svelte'),
      load: async ({ client, ok }) => ({ profile: await ok(await client.profile.$get()) }),
      actions: {
        save: async ({ client, form }) => {
          const values = { intro: text(form, 'intro'), phone: text(form, 'phone') };
          const categories = form
            .getAll('categories')
            .map(String)
            .flatMap((c) => category(c) ?? []);
          const res = await client.profile.$put({ json: { ...values, categories } });
          return res.ok ? { redirect: '/' } : { failed: res, values };
        },
      },
    },
    '/offerings': {
      component: () => import('./VendorOfferingsPage.svelte'),
      load: async ({ client, ok }) => ({
        offerings: (await ok(await client.offerings.$get())).items,
        neighbourhoods: (await ok(await client.neighbourhoods.$get())).items.filter(
          (n) => n.admission?.status === 'admitted',
        ),
      }),
      actions: {
        create: async ({ client, form, locale }) => {
          const fields = offeringFields(form);
          if (fields.priceFen === null) return priceRefused(locale, fields.values);
          const res = await client.offerings.$post({ json: fields.json });
          return res.ok ? { saved: true } : { failed: res, values: fields.values };
        },
        update: async ({ client, form, locale }) => {
          const offeringId = text(form, 'offeringId');
          const fields = offeringFields(form);
          if (fields.priceFen === null) return priceRefused(locale, { ...fields.values, offeringId });
          const res = await client.offerings[':offeringId'].$patch({ param: { offeringId }, json: fields.json });
          return res.ok ? { saved: true } : { failed: res, values: { ...fields.values, offeringId } };
        },
        status: async ({ client, form }) => {
          const res = await client.offerings[':offeringId'].$patch({
            param: { offeringId: text(form, 'offeringId') },
            json: { status: text(form, 'status') === 'withdrawn' ? 'withdrawn' : 'active' },
          });
          return res.ok ? { saved: true } : { failed: res };
        },
        list: async ({ client, form }) => {
          const res = await client.offerings[':offeringId'].neighbourhoods.$put({
            param: { offeringId: text(form, 'offeringId') },
            json: { tenantIds: form.getAll('tenantIds').map(String) },
          });
          return res.ok ? { saved: true } : { failed: res };
        },
        addSlot: async ({ client, form }) => {
          const values = {
            offeringId: text(form, 'offeringId'),
            startsAt: text(form, 'startsAt'),
            endsAt: text(form, 'endsAt'),
            capacity: text(form, 'capacity'),
          };
          const res = await client.offerings[':offeringId'].slots.$post({
            param: { offeringId: values.offeringId },
            json: {
              startsAt: beijingTime(values.startsAt),
              endsAt: beijingTime(values.endsAt),
              capacity: Number(values.capacity),
            },
          });
          return res.ok ? { saved: true } : { failed: res, values };
        },
        addImage: async ({ client, form, locale }) => {
          const offeringId = text(form, 'offeringId');
          const file = form.get('image');
          if (!(file instanceof File) || file.size === 0)
            return { failed: localFailure(locale, 'vendor.image.required', 'image'), values: { offeringId } };
          const res = await client.offerings[':offeringId'].images.$post(
            { param: { offeringId } },
            // `headers` merge with the client's own (session, language); the API checks what the bytes really are.
            {
              headers: { 'content-type': file.type || 'application/octet-stream' },
              init: { body: await file.arrayBuffer() },
            },
          );
          return res.ok ? { saved: true } : { failed: res, values: { offeringId } };
        },
        removeImage: async ({ client, form }) => {
          const res = await client.offerings[':offeringId'].images[':imageId'].$delete({
            param: { offeringId: text(form, 'offeringId'), imageId: text(form, 'imageId') },
          });
          return res.ok ? { saved: true } : { failed: res };
        },
        removeSlot: async ({ client, form }) => {
          const res = await client.slots[':slotId'].$delete({ param: { slotId: text(form, 'slotId') } });
          return res.ok ? { saved: true } : { failed: res };
        },
      },
    },
    '/orders': {
      component: () => import('./VendorOrdersPage.svelte'),
      load: async ({ client, ok, url }) => {
        const status = url.searchParams.get('status') ?? '';
        const page = await ok(await client.orders.$get({ query: status ? { status: status as OrderStatus } : {} }));
        return { status, page };
      },
      actions: {
        move: async ({ client, form }) => {
          const values = { orderId: text(form, 'orderId'), reason: text(form, 'reason') };
          const res = await client.orders[':orderId'].transition.$post({
            param: { orderId: values.orderId },
            json: { to: text(form, 'to') as OrderStatus, reason: values.reason || undefined },
          });
          return res.ok ? { moved: true } : { failed: res, values };
        },
      },
    },
    '/reviews': {
      component: () => import('./VendorReviewsPage.svelte'),
      load: async ({ client, ok }) => ({ reviews: (await ok(await client.reviews.$get())).items }),
      actions: {
        reply: async ({ client, form }) => {
          const values = { orderId: text(form, 'orderId'), reply: text(form, 'reply') };
          const res = await client.reviews[':orderId'].reply.$post({
            param: { orderId: values.orderId },
            json: { reply: values.reply },
          });
          return res.ok ? { saved: true } : { failed: res, values };
        },
      },
    },
  },
});
