import { newId } from '@city/plugin-sdk/schema';
import type { OrganisationContext, PluginContext } from '@city/plugin-sdk/server';
import { eq } from 'drizzle-orm';
import { admissions, listings, offerings, slots, vendors } from '../schema.ts';

const CATALOGUE = [
  {
    title: '日常保洁（两小时）',
    description: '擦窗、拖地、厨房与卫生间清洁，师傅自带工具和清洁剂。',
    category: 'housekeeping',
    priceFen: 12000,
    priceUnit: 'visit',
  },
  {
    title: '空调清洗',
    description: '挂机拆洗过滤网、蒸发器除菌，每台计价。',
    category: 'repair',
    priceFen: 8000,
    priceUnit: 'item',
  },
  {
    title: '水电维修上门',
    description: '水龙头、马桶、开关插座、灯具等小修，材料费另计。',
    category: 'repair',
    priceFen: 5000,
    priceUnit: 'visit',
  },
  {
    title: '助老陪护',
    description: '陪同就医、助浴、读报聊天，持证护理员服务。',
    category: 'elderly',
    priceFen: 4500,
    priceUnit: 'hour',
  },
] as const;

/** `YYYY-MM-DD` of a day in Beijing. */
const beijingDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/** A demo vendor (npm start): its profile, an application to every neighbourhood offering the plugin, a catalogue listed there and a week of slots. */
export async function organisationDemo(ctx: OrganisationContext) {
  const at = ctx.now();
  const organisationId = ctx.organisation.id;
  await ctx.db.insert(vendors).values({
    organisationId,
    name: ctx.organisation.name,
    intro: '扎根璧城十年的社区生活服务站，家政、家电清洗、水电小修、助老陪护，师傅均持证上岗。',
    phone: '13900000041',
    categories: ['housekeeping', 'repair', 'elderly'],
    createdAt: at,
    updatedAt: at,
  });
  const neighbourhoods = await ctx.neighbourhoods.offering();
  for (const n of neighbourhoods) {
    await ctx.db.insert(admissions).values({
      id: newId(),
      tenantId: n.id,
      organisationId,
      tenantName: n.name,
      status: 'pending',
      note: '驻点设在小区东门商铺，步行两分钟。',
      appliedAt: at,
      appliedByName: ctx.actor.displayName,
      updatedAt: at,
    });
  }
  for (const item of CATALOGUE) {
    const [offering] = await ctx.db
      .insert(offerings)
      .values({ id: newId(), organisationId, ...item, status: 'active', createdAt: at, updatedAt: at })
      .returning();
    if (neighbourhoods.length) {
      await ctx.db
        .insert(listings)
        .values(
          neighbourhoods.map((n) => ({ tenantId: n.id, organisationId, offeringId: offering!.id, listedAt: at })),
        );
    }
    const times = Array.from({ length: 7 }, (_, d) =>
      beijingDay(new Date(at.getTime() + (d + 1) * 86_400_000)),
    ).flatMap((day) => [
      { startsAt: new Date(`${day}T09:00:00+08:00`), endsAt: new Date(`${day}T11:00:00+08:00`) },
      { startsAt: new Date(`${day}T14:00:00+08:00`), endsAt: new Date(`${day}T16:00:00+08:00`) },
    ]);
    await ctx.db.insert(slots).values(
      times.map((t) => ({
        id: newId(),
        organisationId,
        offeringId: offering!.id,
        ...t,
        capacity: 3,
        booked: 0,
        createdAt: at,
      })),
    );
  }
}

/** A neighbourhood's demo: the admin has admitted the vendors that applied, who set up a service point at the gate. */
export async function demo(ctx: PluginContext) {
  const at = ctx.now();
  await ctx.db
    .update(admissions)
    .set({
      status: 'admitted',
      decidedAt: at,
      decidedByName: '小区管理员',
      pointAddress: `${ctx.tenant.name}东门商铺3号`,
      pointHours: '每天 8:00–20:00',
      updatedAt: at,
    })
    .where(eq(admissions.status, 'pending'));
}
