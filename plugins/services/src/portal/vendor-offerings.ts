import type { Locale, PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import { yuanToFen } from '../money.ts';
import { WEEKDAYS, type Weekday } from '../weekly-slots.ts';
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

const isWeekday = (n: number): n is Weekday => (WEEKDAYS as readonly number[]).includes(n);

/**
 * Which of an offering's folded parts a form sits in (`section`), handed back with a refusal so the page opens that
 * part again to show the error.
 */
type Section = 'edit' | 'list' | 'images' | 'slots';
const at = (offeringId: string, section: Section) => ({ offeringId, section });

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
      const values = { ...fields.values, ...at(offeringId, 'edit') };
      if (fields.priceFen === null) return priceRefused(locale, values);
      const res = await client.offerings[':offeringId'].$patch({ param: { offeringId }, json: fields.json });
      return res.ok ? { saved: true } : { failed: res, values };
    },
    status: async ({ client, form }) => {
      const res = await client.offerings[':offeringId'].$patch({
        param: { offeringId: text(form, 'offeringId') },
        json: { status: text(form, 'status') === 'withdrawn' ? 'withdrawn' : 'active' },
      });
      return res.ok ? { saved: true } : { failed: res };
    },
    list: async ({ client, form }) => {
      const offeringId = text(form, 'offeringId');
      const res = await client.offerings[':offeringId'].neighbourhoods.$put({
        param: { offeringId },
        json: { tenantIds: form.getAll('tenantIds').map(String) },
      });
      return res.ok ? { saved: true } : { failed: res, values: at(offeringId, 'list') };
    },
    addSlot: async ({ client, form }) => {
      const values = {
        ...at(text(form, 'offeringId'), 'slots'),
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
    addWeekly: async ({ client, form }) => {
      const weekdays = form.getAll('weekdays').map(Number).filter(isWeekday);
      const values = {
        ...at(text(form, 'offeringId'), 'slots'),
        weekdays: weekdays.join(','),
        startTime: text(form, 'startTime'),
        endTime: text(form, 'endTime'),
        capacity: text(form, 'capacity'),
        weeks: text(form, 'weeks'),
        from: text(form, 'from'),
      };
      const res = await client.offerings[':offeringId'].slots.weekly.$post({
        param: { offeringId: values.offeringId },
        json: {
          weekdays,
          startTime: values.startTime,
          endTime: values.endTime,
          capacity: Number(values.capacity),
          weeks: Number(values.weeks),
          from: values.from || undefined,
        },
      });
      if (!res.ok) return { failed: res, values };
      const added = await res.json();
      return { weekly: { created: added.created.length, skipped: added.skipped }, offeringId: values.offeringId };
    },
    addImage: async ({ client, form, locale }) => {
      const offeringId = text(form, 'offeringId');
      const file = form.get('image');
      const values = at(offeringId, 'images');
      if (!(file instanceof File) || file.size === 0)
        return { failed: localFailure(locale, 'vendor.image.required', 'image'), values };
      const res = await client.offerings[':offeringId'].images.$post(
        { param: { offeringId } },
        // `headers` merge with the client's own (session, language); the API checks what the bytes really are.
        {
          headers: { 'content-type': file.type || 'application/octet-stream' },
          init: { body: await file.arrayBuffer() },
        },
      );
      return res.ok ? { saved: true } : { failed: res, values };
    },
    removeImage: async ({ client, form }) => {
      const offeringId = text(form, 'offeringId');
      const res = await client.offerings[':offeringId'].images[':imageId'].$delete({
        param: { offeringId, imageId: text(form, 'imageId') },
      });
      return res.ok ? { saved: true } : { failed: res, values: at(offeringId, 'images') };
    },
    removeSlot: async ({ client, form }) => {
      const res = await client.slots[':slotId'].$delete({ param: { slotId: text(form, 'slotId') } });
      return res.ok ? { saved: true } : { failed: res, values: at(text(form, 'offeringId'), 'slots') };
    },
  },
};
