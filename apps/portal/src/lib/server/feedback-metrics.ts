const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period and region asked for in the address; the API's defaults (this year, the first region) otherwise. */
export function metricsQuery(url: URL) {
  const asked = url.searchParams;
  const pick = (name: string, valid: (v: string) => boolean) => {
    const value = asked.get(name) ?? '';
    return valid(value) ? { [name]: value } : {};
  };
  return {
    ...pick('from', (v) => DATE.test(v)),
    ...pick('to', (v) => DATE.test(v)),
    ...pick('region', (v) => /^[0-9a-f-]{36}$/.test(v)),
  };
}
