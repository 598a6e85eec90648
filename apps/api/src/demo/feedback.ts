import { saveFeedbackUnit } from '@city/core';
import { schema, withTenant } from '@city/db';
import type { ApiServices } from '../services.ts';

interface Person {
  id: string;
  displayName: string;
}

/**
 * 码上提 in the demo: the property company and the owners' committee as handling units, one report in hand at the
 * property company (its clock running) and one waiting to be sorted, both by 孙丽.
 */
export async function seedFeedback(
  services: ApiServices,
  tenantId: string,
  people: { admin: Person; staff: Person; committee: Person; resident: Person },
) {
  const at = services.clock.now();
  const as = (person: Person) => ({ tenantId, actor: { id: person.id, displayName: person.displayName }, at });
  await withTenant(services.db, tenantId, async (tx) => {
    const property = await saveFeedbackUnit(tx, as(people.admin), null, {
      kind: 'property',
      name: '物业服务中心',
      organisationId: null,
      active: true,
      memberIds: [people.staff.id],
    });
    await saveFeedbackUnit(tx, as(people.admin), null, {
      kind: 'committee',
      name: '业主委员会',
      organisationId: null,
      active: true,
      memberIds: [people.committee.id],
    });
    const [building] = await tx.select({ id: schema.buildings.id }).from(schema.buildings).limit(1);
    const resident = { userId: people.resident.id, roles: ['resident' as const] };
    const lights = await services.feedback.open(tx, as(people.resident), resident, {
      category: '设施维修',
      body: '1栋2单元8楼楼道灯坏了一周，晚上上下楼很不安全。',
      place: { kind: 'building', buildingId: building!.id, unitId: null, note: '2单元8楼楼道' },
      namedOnBoard: false,
      channel: 'portal',
    });
    await services.feedback.act(tx, as(people.admin), { userId: people.admin.id, roles: ['admin'] }, lights.id, {
      action: 'assign',
      unitId: property.id,
      note: '请安排电工更换。',
    });
    await services.feedback.open(tx, as(people.resident), resident, {
      category: '停车',
      body: '北门外经常有车辆占用消防通道，希望加强管理。',
      place: { kind: 'public', buildingId: null, unitId: null, note: '北门消防通道' },
      namedOnBoard: false,
      channel: 'portal',
    });
  });
}
