import type { Locale, PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import { yuanToFen } from '../money.ts';
import { beijingTime, category, priceUnit, text } from './form-data.ts';
import { messages, type MessageKey } from './messages/index.ts';

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
function localFailure(locale: Locale, key: MessageKey, field: string) {
  const message = messages[locale][key];
  const problem = { title: message, status: 400, errors: [{ path: field, message }] };
  return new Response(JSON.stringify(problem), {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
  });
}

const priceRefused = (locale: Locale, values: Record<string, string>) => ({
  failed: localFailure(locale, 'vendor.offering.priceInvalid', 'priceFen'),
  values,
});

/** /offerings: the vendor's offerings, with their photos, slots and the neighbourhoods they are listed in. */
export const vendorOfferingsPage: PluginPage<ServicesVendorApi> = {
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
};
