import { SALE_STATUSES } from '@city/contracts';

type SaleStatus = (typeof SALE_STATUSES)[number];

/** The unit form → the API's unit fields; empty areas are "not known" (null), the API parses and checks the rest. */
export function unitFromForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const status = text('saleStatus');
  const values = Object.fromEntries(
    ['entrance', 'floor', 'room', 'registeredArea', 'measuredArea', 'contractArea', 'saleStatus'].map((k) => [
      k,
      text(k),
    ]),
  );
  return {
    values,
    input: {
      entrance: text('entrance'),
      floor: Number(text('floor')),
      room: text('room'),
      registeredArea: text('registeredArea') || null,
      measuredArea: text('measuredArea') || null,
      contractArea: text('contractArea') || null,
      saleStatus: ((SALE_STATUSES as readonly string[]).includes(status) ? status : 'sold_delivered') as SaleStatus,
    },
  };
}
