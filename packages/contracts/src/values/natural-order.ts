/**
 * The order people expect for buildings, units and rooms: numbers compared as numbers (2栋 before 10栋, 202 before
 * 1001), everything else as Chinese collation. One collator for the API's sorts and the pages' sorts, so a list
 * reads the same wherever it is ordered.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Sorts by several labels in turn (building, then unit, then room), each in natural order. */
export function compareNaturalBy<T>(...labels: ((item: T) => string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const label of labels) {
      const order = collator.compare(label(a), label(b));
      if (order !== 0) return order;
    }
    return 0;
  };
}
