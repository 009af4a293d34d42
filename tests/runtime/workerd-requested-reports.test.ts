/**
 * Requested reports on Workers: real workerd (edge/worker.ts bundled, Miniflare) with D1, the JOBS
 * queue and the FILES R2 bucket of wrangler.toml. A demo partner asks for a report file; the
 * Queue consumer builds it into R2; the file route serves it from there, read back as the export.
 * And the R2 store's multipart path against Miniflare's R2: a stream larger than a part.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../../demo/seed.ts';
import { createR2FileStore, type R2BucketLike } from '../../edge/r2-file-store.ts';
import { startSeededWorkerd } from '../helpers/workerd.ts';

let workerd: Awaited<ReturnType<typeof startSeededWorkerd>>;
beforeAll(async () => {
  workerd = await startSeededWorkerd('requested');
}, 120_000);
afterAll(async () => {
  await workerd?.dispose();
});

const bomText = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('requested reports on workerd', () => {
  it('the Queue consumer builds the zipped CSV into R2 and the file route serves it', async () => {
    const { baseUrl, mf, d1 } = workerd;
    const demo = DEMO_OPERATORS[0]!;
    const session = await unwrap(
      createKabinetClient(baseUrl).v1.public.operators[':operatorId'].sign_in.$post({
        param: { operatorId: demo.id },
        json: { email: demo.signInEmail, password: DEMO_PASSWORD },
      }),
    );
    const auth = { authorization: `Bearer ${session.token!}` };
    const question = { period: 'last_30_days', groupBy: 'day,campaign', metrics: 'clicks,registrations,ngr' };
    const asked = await fetch(`${baseUrl}/v1/partner/reports/requested`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv_zip', query: question }),
    });
    expect(asked.status).toBe(201);
    const { id } = (await asked.json()) as { id: string };

    type Requested = { status: string; rowCount: number; fileSize: number; period: Record<string, string> };
    let report = { status: 'processing' } as Requested;
    for (let i = 0; i < 200 && report.status === 'processing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      report = (await (
        await fetch(`${baseUrl}/v1/partner/reports/requested/${id}`, { headers: auth })
      ).json()) as Requested;
    }
    expect(report.status).toBe('successful');
    expect(report.rowCount).toBeGreaterThan(0);

    // The object is in the FILES bucket under the operator's prefix.
    const bucket = await mf.getR2Bucket('FILES');
    const listed = await bucket.list({ prefix: `requested-reports/${demo.id}/` });
    expect(listed.objects.map((o) => o.size)).toEqual([report.fileSize]);

    const res = await fetch(`${baseUrl}/v1/partner/reports/requested/${id}/file`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const rows = bomText(files['rows.csv']!);
    const totals = bomText(files['totals.csv']!);
    // The Worker's own export of the same question over the resolved dates: header, rows, totals line.
    const pinned = { ...question, period: 'custom', from: report.period.from!, to: report.period.to! };
    const exported = await fetch(
      `${baseUrl}/v1/partner/reports/performance/export?${new URLSearchParams({ ...pinned, timeZone: report.period.timeZone!, format: 'csv', bom: 'true' })}`,
      { headers: auth },
    );
    const header = rows.slice(0, rows.indexOf('\r\n') + 2);
    expect(rows + totals.slice(header.length)).toBe(bomText(new Uint8Array(await exported.arrayBuffer())));
    expect(rows.trimEnd().split('\r\n')).toHaveLength(report.rowCount + 1);

    // The asker was mailed a link to the request's page.
    const mail = await d1
      .prepare("select text from mail_messages where template = 'report_ready'")
      .all<{ text: string }>();
    expect(mail.results).toHaveLength(1);
    expect(mail.results[0]!.text).toContain(`/portal/${demo.id}#/reports/requested/${id}`);
  });

  it('the R2 store uploads a stream larger than a part as a multipart object, read back whole', async () => {
    const bucket = (await workerd.mf.getR2Bucket('FILES')) as unknown as R2BucketLike;
    const part = 5 * 1024 * 1024;
    const store = createR2FileStore(bucket, part);
    const chunk = new Uint8Array(700_000).map((_, i) => (i * 31) % 251);
    const chunks = 17; // 11.9 MB: two full parts and a shorter last one
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < chunks) controller.enqueue(chunk);
        else controller.close();
      },
    });
    expect(await store.put('tests/multipart.bin', body, 'application/octet-stream')).toEqual({
      size: chunk.byteLength * chunks,
    });
    const stored = await store.get('tests/multipart.bin');
    expect(stored!.size).toBe(chunk.byteLength * chunks);
    const bytes = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    expect(bytes.byteLength).toBe(chunk.byteLength * chunks);
    expect(bytes.subarray(chunk.byteLength * 9, chunk.byteLength * 10)).toEqual(chunk);
    await store.delete('tests/multipart.bin');
    expect(await store.get('tests/multipart.bin')).toBe(null);
    await expect(store.get('../escape')).rejects.toThrow(/Not a file key/);
  });
});
