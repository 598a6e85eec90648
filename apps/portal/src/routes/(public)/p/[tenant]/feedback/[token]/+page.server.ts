import type { FeedbackRating } from '@city/contracts/values';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { photosAnswer, photosOf, uploadTrackedPhotos } from '#lib/server/feedback-photos.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const res = await apiFor(event).api.v1.public.n[':tenant'].feedback.track[':token'].$get({ param: event.params });
  if (!res.ok) error(404, 'not found');
  // The address is the reporter's key to the report: never kept by a shared cache.
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const asked = event.url.searchParams;
  return {
    report: await res.json(),
    created: asked.get('new') === '1',
    refused: asked.get('refused')?.split('\n') ?? [],
    link: event.url.origin + event.url.pathname,
  };
}) satisfies PageServerLoad;

export const actions = {
  rate: async (event) => {
    const values = fields(await event.request.formData(), ['rating', 'comment']);
    const res = await apiFor(event).api.v1.public.n[':tenant'].feedback.track[':token'].rating.$post({
      param: event.params,
      json: { rating: values.rating as FeedbackRating, comment: values.comment },
    });
    if (!res.ok) return failFrom(res, values);
    return { done: 'rate' };
  },
  photos: async (event) =>
    photosAnswer(event, await uploadTrackedPhotos(event, event.params.token, photosOf(await event.request.formData()))),
} satisfies Actions;
