import { saveFeedbackUnit } from '@city/core';
import { schema, withTenant } from '@city/db';
import type { ApiServices } from '../services.ts';

interface Person {
  id: string;
  displayName: string;
}

/**
 * 码上提 in the demo: the property company and the owners' committee as handling units, one report in hand at the
 * property company (its clock running) and one waiting to be sorted, both by 孙丽; where the demo vendor exists, it is
 * a handling unit too, with one of 孙丽's reports assigned to it (its staff answer it in their business centre); one
 * more is assigned to the street's 城管科, which answers it in its department queue.
 */
export async function seedFeedback(
  services: ApiServices,
  tenantId: string,
  people: { admin: Person; staff: Person; committee: Person; resident: Person; vendor: Person | null },
  department: string,
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
    /** 孙丽 reports a problem in 1栋 and the admin assigns it. */
    const reportAndAssign = async (category: string, body: string, note: string, unitId: string, ask: string) => {
      const report = await services.feedback.open(tx, as(people.resident), resident, {
        category,
        body,
        place: { kind: 'building', buildingId: building!.id, unitId: null, note },
        namedOnBoard: false,
        channel: 'portal',
      });
      const admin = { userId: people.admin.id, roles: ['admin' as const] };
      await services.feedback.act(tx, as(people.admin), admin, report.id, { action: 'assign', unitId, note: ask });
    };
    await reportAndAssign(
      '设施维修',
      '1栋2单元8楼楼道灯坏了一周，晚上上下楼很不安全。',
      '2单元8楼楼道',
      property.id,
      '请安排电工更换。',
    );
    if (people.vendor) {
      const vendor = await saveFeedbackUnit(tx, as(people.admin), null, {
        kind: 'vendor',
        name: people.vendor.displayName,
        organisationId: people.vendor.id,
        active: true,
        memberIds: [],
      });
      await reportAndAssign(
        '环境卫生',
        '保洁上门后厨房垃圾没有带走，楼道里留下一袋垃圾。',
        '1栋1单元楼道',
        vendor.id,
        '请服务商核实并处理。',
      );
    }
    // A street department is assigned by its own id: the neighbourhood binds it as a unit on first use.
    await reportAndAssign(
      '其他',
      '北门外人行道上每天傍晚都有流动摊贩占道经营，行人只能走机动车道。',
      '北门外人行道',
      department,
      '请街道城管科协调处理。',
    );
    await services.feedback.open(tx, as(people.resident), resident, {
      category: '停车',
      body: '北门外经常有车辆占用消防通道，希望加强管理。',
      place: { kind: 'public', buildingId: null, unitId: null, note: '北门消防通道' },
      namedOnBoard: false,
      channel: 'portal',
    });
  });
}
