/** The scopes live in the contracts (the API describes them too); plugins import them from here. */
export { isScope, SCOPES, type Scope } from '@city/contracts';
