import { addWorkingDays } from '@city/core';
import { schema, useWorld } from '@city/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const current = useWorld();

/**
 * The calendar is platform data, shared by every test on a Postgres server: this file alone writes, and only 2099
 * (cleared first), so that the years other tests count on stay as the package publishes them.
 */
const YEAR = 2099;
const notice = {
  holidays: ['2099-03-03', '2099-03-04', '2099-03-05'],
  workdays: ['2099-03-07'],
  note: '国办发明电〔2098〕7号',
};

describe('the working-day calendar', () => {
  it('shows anyone a year: published by the data package, or only its statutory holidays while unpublished', async () => {
    const { h } = current;
    const y2026 = await h.call('GET', '/api/v1/calendar/2026');
    expect(y2026.status).toBe(200);
    expect(y2026.body).toMatchObject({ year: 2026, source: 'package', history: [] });
    expect(y2026.body.workdays).toEqual(
      expect.arrayContaining(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
    );
    expect(y2026.body.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-02-23']));
    const y2027 = await h.call('GET', '/api/v1/calendar/2027');
    expect(y2027.body).toMatchObject({ year: 2027, source: 'statutory', workdays: [] });
    expect(y2027.body.statutory).toContain('2027-02-05');
    expect(y2027.body.holidays).toContain('2027-02-05');
    expect((await h.call('GET', '/api/v1/calendar/1999')).status).toBe(400);
  });

  it('lets an operator load a year’s notice and correct it; the latest version counts and the history stays', async () => {
    const { h, world } = current;
    await h.services.db.delete(schema.workingCalendarNotices).where(eq(schema.workingCalendarNotices.year, YEAR));
    const operator = { token: world.tokens.operator };
    const loaded = await h.call('PUT', `/api/v1/calendar/${YEAR}`, { ...operator, json: notice });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ source: 'operator', workdays: ['2099-03-07'] });
    // The statutory holidays stay off: 2099's 春节 is Jan 21.
    expect(loaded.body.holidays).toEqual(expect.arrayContaining(['2099-01-20', '2099-03-03', '2099-03-05']));
    const calendar = await h.services.calendars.current();
    // Mon Mar 2 + 2: Tue–Thu off, so Fri Mar 6 and the make-up Saturday Mar 7.
    expect(addWorkingDays('2099-03-02', 2, calendar)).toEqual({ due: '2099-03-07', provisional: false });
    expect(addWorkingDays('2099-03-02', 2)).toEqual({ due: '2099-03-04', provisional: true });

    const corrected = await h.call('PUT', `/api/v1/calendar/${YEAR}`, {
      ...operator,
      json: { ...notice, workdays: ['2099-03-07', '2099-03-08'], note: '更正：补充3月8日调休上班' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.workdays).toEqual(['2099-03-07', '2099-03-08']);
    expect(corrected.body.history).toEqual([
      expect.objectContaining({ note: '更正：补充3月8日调休上班', changedBy: world.users.operator.displayName }),
      expect.objectContaining({ note: notice.note, workdays: ['2099-03-07'] }),
    ]);
    expect((await h.services.calendars.current()).isWorkingDay('2099-03-08')).toBe(true);
  });

  it('refuses a notice that cannot be right, saying which day and why, and is for operators only', async () => {
    const { h, world } = current;
    const put = (json: object, token = world.tokens.operator) =>
      h.call('PUT', `/api/v1/calendar/${YEAR}`, { token, json: { ...notice, ...json } });
    const problem = async (json: object) => (await put(json)).body.errors?.[0];
    expect(await problem({ workdays: ['2099-03-09'] })).toMatchObject({
      path: 'workdays.0',
      code: 'calendar_workday_weekday',
    });
    // 2099-10-03 is a Saturday and 国庆: a statutory holiday is never a working day.
    expect(await problem({ workdays: ['2099-10-03'] })).toMatchObject({ code: 'calendar_statutory_workday' });
    expect(await problem({ holidays: ['2100-01-04'] })).toMatchObject({
      path: 'holidays.0',
      code: 'calendar_other_year',
    });
    expect(await problem({ holidays: ['2099-03-07'] })).toMatchObject({ code: 'calendar_day_twice' });
    expect(await problem({ holidays: ['2099-02-30'] })).toMatchObject({ code: 'date_format' });
    expect(await problem({ note: '  ' })).toMatchObject({ path: 'note' });
    expect((await put({}, world.tokens.adminA)).status).toBe(403);
    expect((await h.call('PUT', `/api/v1/calendar/${YEAR}`, { json: notice })).status).toBe(401);
  });
});
