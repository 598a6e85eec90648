-- drizzle-kit enables RLS but never forces it (docs/architecture.md §3).
ALTER TABLE owner_lookalike_decisions FORCE ROW LEVEL SECURITY;
