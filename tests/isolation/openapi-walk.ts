import type { Grant } from '@city/contracts';
import { type TestApp } from '@city/testing';

export interface Operation {
  method: string;
  path: string;
  access: Grant[];
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  /** A grouped plugin route: membership is checked per item, after the request's syntax (see the plugin SDK). */
  grouped: boolean;
}

/** Every operation of the live OpenAPI document: the suites cover routes added later without being edited. */
export async function operations(h: TestApp): Promise<Operation[]> {
  const doc = (await h.call('GET', '/api/v1/openapi.json')).body as {
    paths: Record<
      string,
      Record<
        string,
        {
          'x-access'?: Grant[];
          'x-plugin-grouped'?: boolean;
          parameters?: { in: string; name: string }[];
          requestBody?: unknown;
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op['x-access'] ?? [],
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      hasBody: op.requestBody !== undefined,
      grouped: op['x-plugin-grouped'] === true,
    })),
  );
}

export const isTenantScoped = (op: Operation) => op.access.some((g) => g.startsWith('tenant:'));
export const isOrganisationScoped = (op: Operation) => op.access.some((g) => g.startsWith('org:'));
export const isRegionScoped = (op: Operation) => op.access.includes('region:staff');

export function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`no fixture for path parameter {${name}} — add it to the suite's id table`);
    return encodeURIComponent(value);
  });
}
