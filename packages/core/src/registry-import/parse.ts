import {
  AreaSchema,
  hasBidiControl,
  hasHostileCharacter,
  IdNumberSchema,
  isBlankText,
  IMPORT_MAX_ROWS,
  PhoneSchema,
  REGISTRY_COLUMNS,
  SALE_STATUS_LABELS,
  SALE_STATUSES,
  type RegistryColumn,
  type ValidationMessageKey,
} from '@city/contracts';
import type { z } from '@hono/zod-openapi';

type SaleStatus = (typeof SALE_STATUSES)[number];

export interface ImportProblem {
  /** Row in the sheet as the user sees it: the header is row 1, the first data row 2. */
  row: number;
  /** The column's label as in the template, or null for problems of the whole row or file. */
  column: string | null;
  code: ValidationMessageKey;
}

/** An owner as read: the ID number in clear, or only its mask (a re-imported export), or nothing. */
interface ParsedOwner {
  name: string;
  phone: string | null;
  /** Masked phone from an export: keep the stored number. */
  phoneMasked: boolean;
  idNumber: string | null;
  idNumberMasked: string | null;
  designatedVoter: boolean;
  row: number;
}

export interface ParsedUnit {
  building: string;
  entrance: string;
  floor: number;
  room: string;
  registeredArea: number | null;
  measuredArea: number | null;
  contractArea: number | null;
  saleStatus: SaleStatus;
  owners: ParsedOwner[];
  /** First row of the unit in the sheet. */
  row: number;
}

const MASKED_ID = /^\d{4}\*+[\dX]{4}$/;
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

const statusByText = new Map<string, SaleStatus>([
  ...SALE_STATUSES.map((s) => [s, s] as const),
  ...Object.entries(SALE_STATUS_LABELS).map(([s, label]) => [label, s as SaleStatus] as const),
]);

/** Which sheet column holds which field; headers may be our Chinese labels or English keys, in any order. */
function columnIndex(header: string[]) {
  const index = new Map<RegistryColumn, number>();
  header.forEach((name, i) => {
    const column = REGISTRY_COLUMNS.find((c) => c.label === name || c.key === name.toLowerCase());
    if (column && !index.has(column.key)) index.set(column.key, i);
  });
  return index;
}

const labelOf = (key: RegistryColumn) => REGISTRY_COLUMNS.find((c) => c.key === key)!.label;

/** The first zod message key of a failed parse (our schemas carry keys as messages). */
function keyOf(error: z.ZodError): ValidationMessageKey {
  return (error.issues[0]?.message as ValidationMessageKey | undefined) ?? 'invalid';
}

/**
 * Reads a registry sheet into units with owners, collecting every problem with its row and column instead of
 * stopping at the first: the admin fixes the file once. Nothing here touches the database.
 */
export function parseRegistrySheet(table: { header: string[]; rows: string[][] }): {
  units: ParsedUnit[];
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const index = columnIndex(table.header);
  const missing = REGISTRY_COLUMNS.filter((c) => c.required && !index.has(c.key));
  for (const column of missing) problems.push({ row: 1, column: column.label, code: 'import_missing_column' });
  if (missing.length) return { units: [], problems };
  if (!table.rows.length) return { units: [], problems: [{ row: 2, column: null, code: 'import_empty' }] };
  if (table.rows.length > IMPORT_MAX_ROWS)
    return { units: [], problems: [{ row: IMPORT_MAX_ROWS + 2, column: null, code: 'import_too_many_rows' }] };

  const units = new Map<string, ParsedUnit>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const cell = (key: RegistryColumn) => {
      const at = index.get(key);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const problem = (key: RegistryColumn | null, code: ValidationMessageKey) =>
      problems.push({ row, column: key ? labelOf(key) : null, code });
    const before = problems.length;
    // Text no page can show nor Postgres store (NUL, unpaired surrogates…) is refused in any cell, as the API refuses
    // it in any request; building and owner names follow the rules of names (contracts' displayText).
    for (const [key, at] of index) if (hasHostileCharacter(cells[at] ?? '')) problem(key, 'text_hostile');
    if (problems.length > before) return;

    const building = cell('building');
    const room = cell('room');
    if (isBlankText(building)) problem('building', 'required');
    else if (hasBidiControl(building)) problem('building', 'text_bidi');
    else if (building.length > 80) problem('building', 'name_too_long');
    if (!room) problem('room', 'required');
    else if (room.length > 20) problem('room', 'too_big');
    const entrance = cell('entrance');
    if (entrance.length > 20) problem('entrance', 'too_big');
    const floorText = cell('floor');
    const floor = Number(floorText);
    if (!/^-?\d{1,3}$/.test(floorText) || floor < -5 || floor > 200) problem('floor', 'floor_format');
    const area = (key: 'registered_area' | 'measured_area' | 'contract_area') => {
      const text = cell(key);
      if (!text) return null;
      const parsed = AreaSchema.safeParse(text);
      if (!parsed.success) problem(key, keyOf(parsed.error));
      return parsed.success ? parsed.data : null;
    };
    const registeredArea = area('registered_area');
    const measuredArea = area('measured_area');
    const contractArea = area('contract_area');
    const saleStatus = statusByText.get(cell('sale_status'));
    if (!saleStatus) problem('sale_status', cell('sale_status') ? 'sale_status_unknown' : 'required');

    const owner = readOwner(cell, problem, row);
    if (problems.length > before) return;

    const key = `${building}\u0000${entrance}\u0000${room}`;
    const unit: ParsedUnit = {
      building,
      entrance,
      floor,
      room,
      registeredArea,
      measuredArea,
      contractArea,
      saleStatus: saleStatus!,
      owners: [],
      row,
    };
    const known = units.get(key);
    if (known && !sameUnit(known, unit)) return problem(null, 'unit_rows_differ');
    const target = known ?? unit;
    if (!known) units.set(key, unit);
    if (owner) {
      const twice = target.owners.some(
        (o) =>
          (o.idNumber && o.idNumber === owner.idNumber) ||
          (o.name === owner.name && o.idNumberMasked === owner.idNumberMasked && !o.idNumber && !owner.idNumber),
      );
      if (twice) return problem('owner_name', 'owner_repeated');
      target.owners.push(owner);
    }
  });

  for (const unit of units.values()) {
    if (unit.owners.length === 1 && !unit.owners[0]!.designatedVoter) unit.owners[0]!.designatedVoter = true;
    const voters = unit.owners.filter((o) => o.designatedVoter).length;
    if (unit.owners.length > 1 && voters !== 1)
      problems.push({ row: unit.row, column: labelOf('designated_voter'), code: 'one_designated_voter' });
  }
  problems.sort((a, b) => a.row - b.row);
  return { units: [...units.values()], problems };
}

function readOwner(
  cell: (key: RegistryColumn) => string,
  problem: (key: RegistryColumn | null, code: ValidationMessageKey) => void,
  row: number,
): ParsedOwner | null {
  const name = cell('owner_name');
  const phoneText = cell('owner_phone');
  const idText = cell('owner_id_number').toUpperCase();
  const voterText = cell('designated_voter').toLowerCase();
  if (isBlankText(name)) {
    if (phoneText || idText || YES.has(voterText)) problem('owner_name', 'owner_name_required');
    return null;
  }
  if (hasBidiControl(name)) problem('owner_name', 'text_bidi');
  if (name.length > 80) problem('owner_name', 'name_too_long');
  const phoneMasked = MASKED_PHONE.test(phoneText);
  let phone: string | null = null;
  if (phoneText && !phoneMasked) {
    const parsed = PhoneSchema.safeParse(phoneText);
    if (parsed.success) phone = parsed.data;
    else problem('owner_phone', keyOf(parsed.error));
  }
  const idNumberMasked = MASKED_ID.test(idText) ? idText : null;
  let idNumber: string | null = null;
  if (idText && !idNumberMasked) {
    const parsed = IdNumberSchema.safeParse(idText);
    if (parsed.success) idNumber = parsed.data;
    else problem('owner_id_number', keyOf(parsed.error));
  }
  if (!YES.has(voterText) && !NO.has(voterText)) problem('designated_voter', 'voter_flag');
  return { name, phone, phoneMasked, idNumber, idNumberMasked, designatedVoter: YES.has(voterText), row };
}

function sameUnit(a: ParsedUnit, b: ParsedUnit) {
  return (
    a.floor === b.floor &&
    a.registeredArea === b.registeredArea &&
    a.measuredArea === b.measuredArea &&
    a.contractArea === b.contractArea &&
    a.saleStatus === b.saleStatus
  );
}
