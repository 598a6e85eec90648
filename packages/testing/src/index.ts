/**
 * The test kit: the real app on a real database, a world of personas in every role, bulk residents and registries.
 * Core, plugins and cross-package tests import it by name; it is never imported by product code.
 */
export {
  createTestApp,
  lastCode,
  type CallOptions,
  type CallResult,
  type TestApp,
  type TestAppOptions,
} from './harness.ts';
export {
  buildWorld,
  createWorldApp,
  PERSONAS,
  useWorld,
  WORLD_PASSWORD,
  type Persona,
  type World,
  type WorldOptions,
} from './world.ts';
export { addResidents, inChunks, signIn } from './residents.ts';
export { seedRegistry, type RegistrySpec, type UnitSpec } from './registry.ts';
/** Reaching rows directly, to set up what the API would take many calls for, or to check what it left behind. */
export {
  schema,
  withOrganisation,
  withRegion,
  withTenant,
  type Database,
  type DatabaseHandle,
  type Tx,
} from '@city/db';
export { asOwner, randomPhone, randomUscc, testDatabase } from '@city/db/testing';
export { databaseRefusal } from './refusal.ts';
export { countedDatabase, CountingRelay } from './counting-relay.ts';
