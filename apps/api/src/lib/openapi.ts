import type { OpenAPIHono } from '@hono/zod-openapi';
import { SESSION_COOKIE } from '@city/auth';
import type { AppEnv } from '../env.ts';
import { renderDocsPage } from './docs-page.ts';

const OPENAPI_PATH = '/api/v1/openapi.json';
const DOCS_PATH = '/api/v1/docs';

const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: '城市生活网 API',
    version: '1.0.0',
    description:
      '小区治理平台接口。错误采用 RFC 9457 problem+json，按 Accept-Language 返回中文或英文。' +
      '每个接口的 x-access 列出可调用的角色。\n\nAPI of the City Life Network. Errors are RFC 9457 problem+json, ' +
      'localised by Accept-Language; each operation lists its allowed callers in x-access.',
  },
  tags: [
    { name: 'platform' },
    { name: 'auth', description: '注册、登录、会话 / Accounts and sessions' },
    { name: 'me' },
    { name: 'regions', description: '区 → 街道 → 社区' },
    { name: 'applications', description: '开通小区申请 / Neighbourhood applications' },
    { name: 'neighbourhoods', description: '查找小区 / Finding a neighbourhood' },
    { name: 'neighbourhood', description: '小区内部（按租户隔离）/ Tenant-scoped' },
    { name: 'registry', description: '房屋与业主登记（投票依据）/ Property registry' },
    { name: 'notices', description: '公告与公示栏 / Notices and the 公示 board' },
    { name: 'ledger', description: '公共收益账目：记账、支出审批、分红、报表 / The public-revenue ledger' },
    { name: 'supervision', description: '街道、社区只读监管 / Read-only supervision' },
    { name: 'dev' },
  ],
};

export function mountOpenApi(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31(OPENAPI_PATH, documentConfig);
  app.get(DOCS_PATH, (c) => c.html(renderDocsPage(app.getOpenAPI31Document(documentConfig))));
}
