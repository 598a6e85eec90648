import { REGISTRY_COLUMNS } from '@city/contracts';
import { writeTable, type SheetFormat } from '@city/documents/sheets';
import { demoIdNumber } from '../../apps/api/src/demo/registry.ts';
import { API_SERVER, benchTargets, startServer } from './harness.ts';

const UNITS = Number(process.env.BENCH_IMPORT_UNITS ?? 20_000);

/**
 * A neighbourhood of UNITS units as an admin would upload it: 40 buildings, two entrances, every unit sold with
 * an owner (ID number for two in three), one in ten co-owned, one in twenty-five unsold.
 */
function registryRows(): string[][] {
  const rows: string[][] = [];
  const perBuilding = Math.ceil(UNITS / 40);
  for (let i = 0; i < UNITS; i++) {
    const building = `导入${Math.floor(i / perBuilding) + 1}栋`;
    const n = i % perBuilding;
    const entrance = `${(n % 2) + 1}单元`;
    const floor = Math.floor(n / 8) + 1;
    const room = `${floor}${String((n % 4) + 1).padStart(2, '0')}${n % 8 < 4 ? '' : 'B'}`;
    const unit = {
      building,
      entrance,
      floor: String(floor),
      room,
      registered_area: `${70 + (i % 60)}.${String(i % 100).padStart(2, '0')}`,
      sale_status: i % 25 === 0 ? '未售' : '已售已交付',
    };
    const row = (values: Record<string, string>) => REGISTRY_COLUMNS.map((c) => values[c.key] ?? '');
    if (i % 25 === 0) {
      rows.push(row(unit));
      continue;
    }
    const idNumber = i % 3 === 0 ? '' : demoIdNumber(900_000 + i);
    rows.push(
      row({
        ...unit,
        owner_name: `业主${i}`,
        owner_phone: `13${5 + (i % 4)}${String(10_000_000 + i).slice(-8)}`,
        owner_id_number: idNumber,
        designated_voter: '是',
      }),
    );
    if (i % 10 === 5) rows.push(row({ ...unit, owner_name: `共有人${i}` }));
  }
  return rows;
}

async function call(url: string, init: RequestInit & { token: string }) {
  const res = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${init.token}` } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{
    id: string;
    status: string;
    errorCount: number;
    summary: Record<string, number> | null;
    errors: unknown[];
  }>;
}

/** Upload (validation) and apply, each timed; the apply is polled the way the portal polls it. */
async function importOnce(base: string, token: string, bytes: Uint8Array<ArrayBuffer>, name: string) {
  let started = performance.now();
  const validated = await call(`${base}/registry/imports?fileName=${encodeURIComponent(name)}`, {
    method: 'POST',
    token,
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
  const validateMs = performance.now() - started;
  if (validated.status !== 'ready')
    throw new Error(`validation failed: ${JSON.stringify(validated.errors.slice(0, 3))}`);
  started = performance.now();
  await call(`${base}/registry/imports/${validated.id}/apply`, { method: 'POST', token });
  let report = validated;
  while (report.status === 'ready' || report.status === 'applying') {
    await new Promise((r) => setTimeout(r, 200));
    report = await call(`${base}/registry/imports/${validated.id}`, { token });
  }
  if (report.status !== 'applied')
    throw new Error(`apply ended ${report.status}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return { validateMs, applyMs: performance.now() - started, summary: report.summary! };
}

export async function run() {
  const rows = registryRows();
  const header = REGISTRY_COLUMNS.map((c) => c.label);
  const files: Record<SheetFormat, Uint8Array<ArrayBuffer>> = {
    xlsx: await writeTable({ header, rows }, 'xlsx'),
    csv: await writeTable({ header, rows }, 'csv'),
  };
  for (const target of benchTargets()) {
    const server = await startServer(API_SERVER, target.env);
    try {
      const base = `${server.url}/api/v1/t/${server.info.slug}`;
      const first = await importOnce(base, server.info.token!, files.xlsx, 'registry.xlsx');
      const again = await importOnce(base, server.info.token!, files.csv, 'registry.csv');
      const line = (phase: string, ms: number) => ({
        phase,
        seconds: (ms / 1000).toFixed(2),
        'rows/s': Math.round(rows.length / (ms / 1000)),
      });
      console.log(
        `\nregistry import — ${target.label}: ${UNITS} units in ${rows.length} rows (XLSX ${(files.xlsx.length / 1e6).toFixed(1)} MB, CSV ${(files.csv.length / 1e6).toFixed(1)} MB)`,
      );
      console.table([
        line('first import (XLSX): validate', first.validateMs),
        line('first import (XLSX): apply', first.applyMs),
        line('first import: total', first.validateMs + first.applyMs),
        line('re-import (CSV, unchanged): validate', again.validateMs),
        line('re-import (CSV, unchanged): apply', again.applyMs),
      ]);
      console.log(`first import: ${JSON.stringify(first.summary)}; re-import: ${JSON.stringify(again.summary)}`);
    } finally {
      await server.stop();
      target.cleanup?.();
    }
  }
}
