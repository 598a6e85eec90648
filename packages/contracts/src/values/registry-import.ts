import type { SALE_STATUSES } from './registry.ts';

/**
 * The registry file (CSV or XLSX), one row per unit and owner: a co-owned unit takes one row per co-owner (the
 * unit's columns repeated), a unit without owners one row with the owner columns empty. Headers may be the
 * Chinese labels or the English keys. The export writes the same columns, so an exported file re-imports.
 */
export const REGISTRY_COLUMNS = [
  { key: 'building', label: '楼栋', required: true, example: '1栋' },
  { key: 'entrance', label: '单元', required: false, example: '1单元' },
  { key: 'floor', label: '楼层', required: true, example: '3' },
  { key: 'room', label: '房号', required: true, example: '301' },
  { key: 'registered_area', label: '登记面积', required: false, example: '89.50' },
  { key: 'measured_area', label: '实测面积', required: false, example: '' },
  { key: 'contract_area', label: '合同面积', required: false, example: '91.00' },
  { key: 'sale_status', label: '销售状态', required: true, example: '已售已交付' },
  { key: 'owner_name', label: '业主姓名', required: false, example: '王强' },
  { key: 'owner_phone', label: '业主手机号', required: false, example: '13811112222' },
  { key: 'owner_id_number', label: '业主身份证号', required: false, example: '11010519491231002X' },
  { key: 'designated_voter', label: '表决人', required: false, example: '是' },
] as const;
export type RegistryColumn = (typeof REGISTRY_COLUMNS)[number]['key'];

export const SALE_STATUS_LABELS: Record<(typeof SALE_STATUSES)[number], string> = {
  sold_delivered: '已售已交付',
  sold_undelivered: '已售未交付',
  unsold: '未售',
};

/** At most this many rows per file (a district's largest neighbourhoods have a few thousand units). */
export const IMPORT_MAX_ROWS = 50_000;
