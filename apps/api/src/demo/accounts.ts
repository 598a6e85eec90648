/** Demo sign-ins printed by `npm start`; every demo account uses DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = {
  operator: { phone: '13900000000', name: '平台运营 王敏', role: '平台运营 / platform operator' },
  streetStaff: { phone: '13900000001', name: '璧城街道 李娟', role: '街道工作人员 / street staff' },
  communityStaff: { phone: '13900000002', name: '东林社区 张磊', role: '社区工作人员 / community staff' },
  streetDepartment: {
    phone: '13900000003',
    name: '璧城街道城管科 杨帆',
    role: '街道城管科 承办人 / street department (城管科)',
  },
  adminA: { phone: '13900000011', name: '陈建国', role: '金色家园 管理员 / admin' },
  staffA: { phone: '13900000012', name: '刘芳', role: '金色家园 工作人员 / staff' },
  committeeA: {
    phone: '13900000013',
    name: '赵志强',
    role: '金色家园 业委会委员、党支部书记 / committee, party branch secretary',
  },
  residentA: {
    phone: '13900000014',
    name: '孙丽',
    role: '金色家园 业主（已认证 1栋）、业主监督委员会委员 / verified owner, supervisory committee',
  },
  claimantA: { phone: '13900000015', name: '钱小明', role: '金色家园 待审核认证 / pending verification' },
  claimantB: { phone: '13900000016', name: '何晓燕', role: '金色家园 待审核认证（租户）/ pending verification' },
  committeeA2: { phone: '13900000017', name: '周建华', role: '金色家园 业委会委员 / committee member' },
  adminB: { phone: '13900000021', name: '周海燕', role: '翠湖苑 管理员 / admin' },
  residentB: { phone: '13900000022', name: '吴刚', role: '翠湖苑 居民 / resident' },
  applicant: { phone: '13900000031', name: '郑晓东', role: '待审核申请人 / applicant with a pending application' },
  vendorOwner: { phone: '13900000041', name: '黄丽', role: '安心到家服务站 负责人（服务商）/ vendor owner' },
  vendorStaff: { phone: '13900000042', name: '马师傅', role: '安心到家服务站 服务人员 / vendor staff' },
} as const;
