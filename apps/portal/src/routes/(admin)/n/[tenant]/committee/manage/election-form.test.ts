import { describe, expect, it } from 'vitest';
import { electionField, electionFields, memberChoices, startFor, termEndFor, typedElection } from './election-form.ts';

describe('termEndFor', () => {
  it('suggests the day before the fifth anniversary', () => {
    expect(termEndFor('2026-07-01')).toBe('2031-06-30');
    expect(termEndFor('2026-01-01')).toBe('2030-12-31');
  });
  it('keeps a 29 February start within the five years the API allows', () => {
    expect(termEndFor('2028-02-29')).toBe('2033-02-28');
  });
  it('suggests nothing for what is not a date yet', () => {
    expect(termEndFor('')).toBe('');
    expect(termEndFor('2026-13-45')).toBe('');
  });
});

describe('startFor', () => {
  it('starts today, or on the election day when that is later', () => {
    expect(startFor('2026-05-01', '2026-05-10')).toBe('2026-05-10');
    expect(startFor('2026-05-12', '2026-05-10')).toBe('2026-05-12');
  });
});

describe('typedElection', () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };

  it('builds the body, a vacant seat as null and an unknown position as member', () => {
    const { electionId, json, values } = typedElection(
      form({
        electionId: 'e1',
        startsOn: ' 2026-07-01 ',
        endsOn: '2031-06-30',
        rows: '2',
        'candidateId.0': 'c-a',
        'userId.0': 'u-a',
        'position.0': 'chair',
        'candidateId.1': 'c-b',
        'userId.1': '',
        'position.1': 'boss',
      }),
    );
    expect(electionId).toBe('e1');
    expect(json).toEqual({
      startsOn: '2026-07-01',
      endsOn: '2031-06-30',
      members: [
        { candidateId: 'c-a', userId: 'u-a', position: 'chair' },
        { candidateId: 'c-b', userId: null, position: 'member' },
      ],
    });
    expect(values).toMatchObject({ rows: '2', 'userId.0': 'u-a', 'userId.1': '', 'position.1': 'boss' });
  });

  it('sends no end for a by-election, and no more rows than a committee has seats', () => {
    const { json } = typedElection(form({ electionId: 'e1', startsOn: '2026-07-01', rows: '99' }));
    expect(json.endsOn).toBeNull();
    expect(json.members).toHaveLength(11);
  });
});

describe('electionField', () => {
  it('puts a row error beside its row and keeps the others', () => {
    expect(electionField('members.2.userId')).toBe('userId.2');
    expect(electionField('members')).toBe('members');
    expect(electionField('endsOn')).toBe('endsOn');
  });
});

describe('electionFields', () => {
  const elected = [
    { candidateId: 'a', name: '张三' },
    { candidateId: 'b', name: '李四' },
  ];
  it('names the end only for a new committee', () => {
    expect(electionFields({ byElection: false, elected })).toContain('endsOn');
    expect(electionFields({ byElection: true, elected })).not.toContain('endsOn');
    expect(electionFields({ byElection: true, elected })).toContain('position.1');
  });
});

describe('memberChoices', () => {
  const m = (userId: string, displayName: string) => ({ userId, displayName, phone: '138****0000' });
  it('offers namesakes first and picks the only exact one', () => {
    const choices = memberChoices('张三', [m('1', '张三'), m('2', '张三丰')], [m('1', '张三'), m('3', '李四')]);
    expect(choices.namesakes.map((x) => x.userId)).toEqual(['1', '2']);
    expect(choices.others.map((x) => x.userId)).toEqual(['3']);
    expect(choices.picked).toBe('1');
  });
  it('picks no one when the name is shared', () => {
    expect(memberChoices('张三', [m('1', '张三'), m('2', '张三')], []).picked).toBe('');
  });
});
