import type { TenantRole } from '@city/contracts';
import { schema, withTenant } from '@city/db';
import { count } from 'drizzle-orm';
import type { ApiServices } from '../services.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';

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
        others.map(([key, roles]) => ({ tenantId: tenant!.id, userId: users[key].id, displayName: DEMO_ACCOUNTS[key].name, roles })),
      ),
    );
  };

  await open('金色家园', '重庆市璧山区璧城街道东林大道88号', 'jinse-jiayuan', 'adminA', [
    ['staffA', ['staff']],
    ['committeeA', ['committee', 'resident']],
    ['residentA', ['resident']],
  ]);
  await open('翠湖苑', '重庆市璧山区璧城街道翠湖路16号', 'cuihu-yuan', 'adminB', [['residentB', ['resident']]]);
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
