-- An order's history is written once (0000); erasing a resident (PIPL art. 47, docs/domain.md §5.5) replaces their
-- name on it and drops the reasons they typed, and nothing else of it can change.
GRANT UPDATE (actor_name, reason) ON services_order_events TO city_p_services;
