import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { ACTIVITY_KINDS, MEETING_TYPES, type ActivityKind, type MeetingType } from '../values.ts';
import { done, optionalNumber, refused, refusedHere, shanghaiTime, text } from './forms.ts';
import { messages } from './messages/index.ts';
import type { BranchActivitiesData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

const oneOf = <T extends string>(values: readonly T[], value: string): T | null =>
  (values as readonly string[]).includes(value) ? (value as T) : null;

/** The rule a form chose: `''` leaves it to the API (三会一课 earn the attendance rule), `none` earns nothing. */
const ruleOf = (value: string) => (value === '' ? undefined : value === 'none' ? null : value);

const FIELDS = ['kind', 'meetingType', 'title', 'body', 'place', 'startsAt', 'endsAt', 'capacity', 'ruleId'] as const;

/** 发起活动: times are typed in China's time; a meeting type goes only with a meeting. */
async function plan({ client, form, locale }: Context): Promise<ActionResult> {
  const values = {
    ...(Object.fromEntries(FIELDS.map((k) => [k, text(form, k)])) as Record<(typeof FIELDS)[number], string>),
    openToResidents: form.get('openToResidents') === null ? '' : 'on',
  };
  const capacity = optionalNumber(values.capacity);
  if (Number.isNaN(capacity)) return refusedHere(messages[locale]['form.wholeNumber'], 'capacity', 'plan', '', values);
  const kind = oneOf<ActivityKind>(ACTIVITY_KINDS, values.kind) ?? 'meeting';
  const res = await client.branch.activities.$post({
    json: {
      kind,
      meetingType: kind === 'meeting' ? oneOf<MeetingType>(MEETING_TYPES, values.meetingType) : null,
      title: values.title,
      body: values.body,
      place: values.place,
      startsAt: shanghaiTime(values.startsAt),
      endsAt: shanghaiTime(values.endsAt),
      capacity,
      openToResidents: values.openToResidents === 'on',
      ruleId: ruleOf(values.ruleId),
    },
  });
  return res.ok ? done('plan') : refused(res, 'plan', '', values);
}

/** /branch/activities: planning an activity (三会一课, volunteer work, publicity) and the list, each to its page. */
export const branchActivitiesPage: PluginPage<PartyApi> = {
  component: () => import('./BranchActivitiesPage.svelte'),
  load: async ({ client, ok }): Promise<BranchActivitiesData> => {
    const [activities, rules] = await Promise.all([
      client.activities.$get().then(ok),
      client.branch.rules.$get().then(ok),
    ]);
    return { items: activities.items, rules: rules.items };
  },
  actions: { plan },
};
