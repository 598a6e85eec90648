import type { NoticeInput, TenantRole } from '@city/contracts';
import { schema, withTenant } from '@city/db';
import { count, eq } from 'drizzle-orm';
import type { ApiServices } from '../services.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { seedFeedback } from './feedback.ts';
import { seedLedger } from './ledger.ts';
import { seedPlugins, seedRegionPlugins } from './plugins.ts';
import { seedRegistry } from './registry.ts';
import { seedVerifications } from './verifications.ts';

type Account = keyof typeof DEMO_ACCOUNTS;

/**
 * Seeds the demo district on an empty database: 重庆市璧山区 → 璧城街道 → 东林社区 → two neighbourhoods, a user
 * for every role and one pending application. The neighbourhoods are opened through the real application flow.
 * Returns false when the database already has data (a second `npm start` keeps it).
 */
export async function seedDemo(services: ApiServices): Promise<boolean> {
  const { db, regions, applications } = services;
  const [existing] = await db.select({ n: count() }).from(schema.regions);
  if (existing && existing.n > 0) return false;

  const passwordHash = await services.passwords.hash(DEMO_PASSWORD);
  const users = {} as Record<Account, { id: string; phone: string; displayName: string; isPlatformOperator: boolean }>;
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [Account, (typeof DEMO_ACCOUNTS)[Account]][]) {
    const [user] = await db
      .insert(schema.users)
      .values({ phone: account.phone, displayName: account.name, passwordHash, isPlatformOperator: key === 'operator' })
      .returning();
    users[key] = user!;
  }

  const district = await regions.create({ kind: 'district', parentId: null, name: '重庆市璧山区', code: '500120' });
  const street = await regions.create({ kind: 'street', parentId: district.id, name: '璧城街道', code: '500120001' });
  const community = await regions.create({
    kind: 'community',
    parentId: street.id,
    name: '东林社区',
    code: '500120001001',
  });
  await regions.addStaff(street.id, DEMO_ACCOUNTS.streetStaff.phone);
  await regions.addStaff(community.id, DEMO_ACCOUNTS.communityStaff.phone);
  await regions.addStaff(street.id, DEMO_ACCOUNTS.streetDepartment.phone);
  // The street's 城管科 handles reports from every neighbourhood under it; 杨帆 acts for it.
  const department = await services.feedbackDepartments.save(users.streetStaff.id, street.id, null, {
    name: '城管科',
    active: true,
    memberIds: [users.streetDepartment.id],
  });

  const open = async (
    name: string,
    address: string,
    slug: string,
    admin: Account,
    others: [Account, TenantRole[]][],
  ) => {
    const applied = await applications.create(users[admin], {
      name,
      address,
      communityId: community.id,
      applicantName: DEMO_ACCOUNTS[admin].name,
    });
    const approved = await applications.approve(users.communityStaff, applied.id, slug);
    const tenant = await services.tenants.bySlug(approved.tenantSlug!);
    await withTenant(db, tenant!.id, (tx) =>
      tx.insert(schema.members).values(
        others.map(([key, roles]) => ({
          tenantId: tenant!.id,
          userId: users[key].id,
          displayName: DEMO_ACCOUNTS[key].name,
          roles,
        })),
      ),
    );
    return { id: tenant!.id, slug, name, admin: users[admin], adminName: DEMO_ACCOUNTS[admin].name };
  };

  const now = services.clock.now();
  const day = 24 * 60 * 60 * 1000;
  const post = (
    tenant: { id: string; admin: { id: string }; adminName: string },
    notices: (Partial<NoticeInput> & Pick<NoticeInput, 'category' | 'title' | 'body' | 'audience'>)[],
  ) =>
    withTenant(db, tenant.id, async (tx) => {
      for (const notice of notices) {
        await services.notices.publishNow(
          tx,
          { tenantId: tenant.id, actor: { id: tenant.admin.id, displayName: tenant.adminName }, at: now },
          { attachments: [], buildingId: null, pinned: false, publishAt: null, expiresAt: null, ...notice },
          'core',
          services.notifications,
        );
      }
    });

  const jinse = await open('金色家园', '重庆市璧山区璧城街道东林大道88号', 'jinse-jiayuan', 'adminA', [
    ['staffA', ['staff']],
    ['committeeA', ['committee', 'resident']],
    ['committeeA2', ['committee', 'resident']],
    ['residentA', ['resident']],
  ]);
  const cuihu = await open('翠湖苑', '重庆市璧山区璧城街道翠湖路16号', 'cuihu-yuan', 'adminB', [
    ['residentB', ['resident']],
  ]);
  await post(jinse, [
    {
      category: 'notice',
      audience: 'public',
      pinned: true,
      title: '物业服务中心联系方式',
      body: '物业服务中心：1栋一楼大厅\n24小时值班电话：023-4128 8888\n报修请在工作日 8:30–17:30 到前台登记。',
    },
    {
      category: 'notice',
      audience: 'residents',
      title: '12月3日停水通知',
      body: '因二次供水设施检修，12月3日（周三）9:00–15:00 全小区停水，请提前储水。',
    },
    {
      category: 'notice',
      audience: 'owners',
      title: '首次业主大会筹备组成立',
      body: '经街道指导，筹备组已成立，成员名单将另行公示。欢迎业主提出意见。',
    },
    {
      category: 'disclosure',
      audience: 'public',
      title: '2026年第三季度公共收益公示',
      body: '电梯广告收入 18,600.00 元；停车场临时停车收入 42,350.00 元；合计 60,950.00 元。明细见附件，如有异议请在公示期内向业主委员会提出。',
      expiresAt: new Date(now.getTime() + 15 * day).toISOString(),
      attachments: [{ name: '收支明细（示例）', url: 'https://example.org/jinse/2026q3.pdf' }],
    },
  ]);
  const actorOf = (t: typeof jinse) => ({ id: t.id, actor: { id: t.admin.id, displayName: t.adminName } });
  await seedRegistry(services, actorOf(jinse), { buildings: 5, entrances: 2, floors: 15, roomsPerFloor: 2 }, 1);
  await seedRegistry(services, actorOf(cuihu), { buildings: 12, entrances: 2, floors: 25, roomsPerFloor: 2 }, 2);
  const person = (key: Account) => users[key];
  const admin = (t: typeof jinse) => ({ id: t.admin.id, displayName: t.adminName });
  await seedVerifications(
    services,
    { id: jinse.id, slug: 'jinse-jiayuan', admin: admin(jinse) },
    { id: cuihu.id, slug: 'cuihu-yuan', admin: admin(cuihu) },
    {
      owner: person('residentA'),
      claimantOwner: person('claimantA'),
      claimantRenter: person('claimantB'),
      renterB: person('residentB'),
    },
  );
  const [building1] = await withTenant(db, jinse.id, (tx) =>
    tx.select().from(schema.buildings).where(eq(schema.buildings.name, '1栋')),
  );
  await post(jinse, [
    {
      category: 'notice',
      audience: 'building',
      buildingId: building1!.id,
      title: '1栋电梯年度检验',
      body: '12月5日 9:00–12:00 1栋两部电梯轮流停运检验，请错峰出行。',
    },
  ]);
  await post(cuihu, [
    {
      category: 'notice',
      audience: 'public',
      title: '冬季消防安全提示',
      body: '请勿在楼道堆放杂物，电动自行车请到指定地点充电。',
    },
  ]);
  const vendor = await seedPlugins(services, { ...jinse, admin: admin(jinse) }, users.staffA.id, users.committeeA.id, {
    owner: person('vendorOwner'),
    staffPhone: DEMO_ACCOUNTS.vendorStaff.phone,
  });
  const staffOf = (key: 'streetStaff' | 'communityStaff') => ({
    id: users[key].id,
    displayName: DEMO_ACCOUNTS[key].name,
  });
  await seedRegionPlugins(services, [
    {
      region: { id: street.id, name: street.name, level: 'street', parentId: district.id },
      staff: staffOf('streetStaff'),
    },
    {
      region: { id: community.id, name: community.name, level: 'community', parentId: street.id },
      staff: staffOf('communityStaff'),
    },
  ]);
  await seedFeedback(
    services,
    jinse.id,
    {
      admin: users.adminA,
      staff: { id: users.staffA.id, displayName: DEMO_ACCOUNTS.staffA.name },
      committee: { id: users.committeeA.id, displayName: DEMO_ACCOUNTS.committeeA.name },
      resident: { id: users.residentA.id, displayName: DEMO_ACCOUNTS.residentA.name },
      vendor: vendor && { id: vendor.id, displayName: vendor.name },
    },
    department.id,
  );
  const who = (key: Account) => ({ id: users[key].id, displayName: DEMO_ACCOUNTS[key].name });
  await seedLedger(
    services,
    { id: jinse.id, slug: 'jinse-jiayuan' },
    { treasurer: who('adminA'), chair: who('committeeA'), member: who('committeeA2'), supervisor: who('residentA') },
  );
  await applications.create(users.applicant, {
    name: '康居小区',
    address: '重庆市璧山区璧城街道康居路2号',
    communityId: community.id,
    applicantName: DEMO_ACCOUNTS.applicant.name,
    note: '小区共12栋，约800户，业主希望开通线上议事。',
  });
  return true;
}

export function demoSignInTable(): string {
  const rows = Object.values(DEMO_ACCOUNTS).map((a) => `  ${a.phone}  ${a.role}（${a.name}）`);
  return [`演示账号 Demo accounts — 密码 password: ${DEMO_PASSWORD}`, ...rows].join('\n');
}
