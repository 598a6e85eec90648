import { definePluginPortal, type ActionResult, type PortalContext } from '@city/plugin-sdk/portal';
import type { ContactsApi } from '../server/routes.ts';
import { PAGES } from '../pages.ts';
import { messages } from './messages/index.ts';

type Context = PortalContext<ContactsApi> & { form: FormData };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A form's entry fields, as typed (for redisplay) and as the API takes them. */
function entryFrom(form: FormData) {
  const values = {
    category: text(form, 'category'),
    name: text(form, 'name'),
    phone: text(form, 'phone'),
    hours: text(form, 'hours'),
    note: text(form, 'note'),
    position: text(form, 'position'),
  };
  const json = {
    ...values,
    category: values.category as 'other',
    position: values.position === '' ? 0 : Number(values.position),
  };
  return { values, json };
}

const directory = async ({ client, ok }: PortalContext<ContactsApi>) => ({
  directory: await ok(await client.entries.$get()),
});

async function add({ client, form }: Context): Promise<ActionResult> {
  const { values, json } = entryFrom(form);
  const res = await client.entries.$post({ json });
  return res.ok ? { added: values.name } : { failed: res, values };
}

async function save({ client, form }: Context): Promise<ActionResult> {
  const entryId = text(form, 'entryId');
  const { values, json } = entryFrom(form);
  const res = await client.entries[':entryId'].$put({ param: { entryId }, json });
  return res.ok ? { saved: entryId } : { failed: res, values: { ...values, entryId } };
}

async function remove({ client, form }: Context): Promise<ActionResult> {
  const entryId = text(form, 'entryId');
  const res = await client.entries[':entryId'].$delete({ param: { entryId } });
  return res.ok ? { removed: entryId } : { failed: res, values: { entryId } };
}

export default definePluginPortal<ContactsApi>({
  messages,
  pages: {
    [PAGES.directory]: { component: () => import('./DirectoryPage.svelte'), load: directory },
    [PAGES.manage]: { component: () => import('./ManagePage.svelte'), load: directory, actions: { add, save, remove } },
  },
});
