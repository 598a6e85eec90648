import { NOTICE_AUDIENCES, NOTICE_CATEGORIES, type NoticeAudience, type NoticeCategory } from '@city/contracts';

/** `<input type="datetime-local">` has no zone; people here mean Beijing time (Asia/Shanghai: docs/architecture.md §3). */
function fromLocalShanghai(value: string): string | null {
  return value ? new Date(`${value}:00+08:00`).toISOString() : null;
}

/** The editor form → the API's NoticeInput; the API validates and answers field by field. */
export function noticeFromForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const category = text('category') as NoticeCategory;
  const audience = text('audience') as NoticeAudience;
  const attachmentUrl = text('attachmentUrl');
  return {
    values: Object.fromEntries(
      [
        'category',
        'title',
        'body',
        'audience',
        'buildingId',
        'publishAt',
        'expiresAt',
        'attachmentName',
        'attachmentUrl',
      ].map((k) => [k, text(k)]),
    ),
    input: {
      category: (NOTICE_CATEGORIES as readonly string[]).includes(category) ? category : 'notice',
      title: text('title'),
      body: text('body'),
      audience: (NOTICE_AUDIENCES as readonly string[]).includes(audience) ? audience : 'residents',
      pinned: form.get('pinned') === 'on',
      publishAt: fromLocalShanghai(text('publishAt')),
      expiresAt: fromLocalShanghai(text('expiresAt')),
      attachments: attachmentUrl ? [{ name: text('attachmentName') || attachmentUrl, url: attachmentUrl }] : [],
      // Only a building audience names a building; a building left over from an earlier choice is dropped.
      buildingId: audience === 'building' ? text('buildingId') || null : null,
    },
  };
}
