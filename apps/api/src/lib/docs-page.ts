type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-access'?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * A self-contained reference page rendered from the OpenAPI document: no CDN scripts, so it works offline and on
 * networks that block foreign CDNs.
 */
export function renderDocsPage(doc: { info: { title: string; description?: string }; paths?: object }): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const tag = op.tags?.[0] ?? 'other';
      const params = (op.parameters ?? []).map((p) => `${escape(p.name)} (${p.in}${p.required ? ', required' : ''})`);
      const body = op.requestBody?.content?.['application/json']?.schema;
      const entry = `<details><summary><code class="m ${method}">${method.toUpperCase()}</code> <code>${escape(path)}</code> — ${escape(op.summary ?? '')}</summary>
${op.description ? `<p>${escape(op.description)}</p>` : ''}
<p><b>x-access:</b> ${escape((op['x-access'] ?? []).join(', ') || '—')}</p>
${params.length ? `<p><b>parameters:</b> ${params.join('; ')}</p>` : ''}
${body ? `<pre>${escape(JSON.stringify(body, null, 2))}</pre>` : ''}
<p><b>responses:</b> ${Object.entries(op.responses ?? {})
        .map(([code, r]) => `${code} ${escape(r.description ?? '')}`)
        .join('; ')}</p></details>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
    }
  }
  const sections = [...byTag]
    .map(([tag, ops]) => `<section><h2>${escape(tag)}</h2>${ops.join('\n')}</section>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}</title><style>
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#1f2328;line-height:1.5}
details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.4rem .6rem}summary{cursor:pointer}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:.8rem}.m{font-weight:700}.get{color:#0a5c2b}.post{color:#8a3b00}.delete{color:#a40e26}.patch,.put{color:#5a32a3}
</style></head><body><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description ?? '')}</p>
<p><a href="/api/v1/openapi.json">openapi.json</a></p>${sections}</body></html>`;
}
