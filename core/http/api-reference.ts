/**
 * A self-contained API reference page rendered from the OpenAPI document on the server. It loads
 * nothing from a CDN, so it works offline and on locked-down operator networks.
 */
import { html, raw } from 'hono/html';

type Json = Record<string, any>;

function schemaName(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return String(schema.$ref).split('/').pop() ?? '';
  if (schema.type === 'array') return `${schemaName(schema.items)}[]`;
  return schema.type ?? 'object';
}

function renderSchema(name: string, schema: Json) {
  const props = Object.entries<Json>(schema.properties ?? {});
  const required = new Set<string>(schema.required ?? []);
  return html`<section class="schema" id="schema-${name}"><h3>${name}</h3>
    <table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Notes</th></tr></thead><tbody>
    ${props.map(
      ([
        prop,
        s,
      ]) => html`<tr><td><code>${prop}</code></td><td>${schemaName(s) || (s.enum ? 'enum' : s.anyOf ? 'one of' : '')}</td>
      <td>${required.has(prop) ? 'yes' : ''}</td><td>${s.enum ? `one of ${s.enum.join(', ')}` : (s.format ?? s.pattern ?? '')}</td></tr>`,
    )}
    </tbody></table></section>`;
}

export function renderApiReference(doc: Json): string {
  const operations = Object.entries<Json>(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const schemas = Object.entries<Json>(doc.components?.schemas ?? {});
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info?.title} — API reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2937}main{max-width:980px;margin:0 auto;padding:24px}
.op{border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;margin:12px 0}.m{font-weight:700;display:inline-block;min-width:64px}
.GET{color:#047857}.POST{color:#1d4ed8}.PATCH{color:#b45309}.DELETE{color:#b91c1c}code{background:#f3f4f6;padding:1px 4px;border-radius:4px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;font-size:14px}</style></head>
<body><main><h1>${doc.info?.title} <small>${doc.info?.version}</small></h1><p>${doc.info?.description ?? ''}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${doc.openapi}).</p><h2>Operations</h2>
${operations.map(
  ({ path, method, op }) => html`<div class="op"><span class="m ${method}">${method}</span> <code>${path}</code>
  <p>${op.summary ?? ''}${op.security ? raw(' <em>(operator secret key)</em>') : ''}</p>
  ${op.requestBody ? html`<p>Body: <a href="#schema-${schemaName(op.requestBody.content?.['application/json']?.schema)}">${schemaName(op.requestBody.content?.['application/json']?.schema)}</a></p>` : ''}
  <p>Responses: ${Object.entries<Json>(op.responses ?? {}).map(([status, r]) => html`<code>${status}</code> ${r.description}; `)}</p></div>`,
)}
<h2>Schemas</h2>${schemas.map(([name, schema]) => renderSchema(name, schema))}</main></body></html>`;
  return String(page);
}
