-- Two core capabilities plugins call on the hot path (a resident's order: where the visit goes, then telling the
-- business), as statements a plugin's role may run itself. Each function switches to the app role for its own
-- duration (the SET clause, restored when it returns, however it ends), so the tenant policies apply exactly as to
-- the core's own statements — and a plugin no longer switches roles around the call (two round trips each) or opens
-- a savepoint for it (two more). The core uses the same functions, so each capability is written once.
-- Not SECURITY DEFINER: the caller's session must be allowed the app role, as it is for every role switch we make.

-- The units a person is verified for in the transaction's neighbourhood (owner, family or renter), in address order.
CREATE OR REPLACE FUNCTION app_member_homes(p_user uuid)
RETURNS TABLE (unit_id uuid, building_name text, entrance text, room text, relation text)
LANGUAGE sql STABLE SET role = 'city_app' AS $$
  SELECT DISTINCT u.id, b.name, u.entrance, u.room, v.relation
    FROM verifications v
    JOIN units u ON u.id = v.unit_id
    JOIN buildings b ON b.id = u.building_id
   WHERE v.user_id = p_user AND v.status = 'verified'
   ORDER BY b.name, u.entrance, u.room
$$;
--> statement-breakpoint

-- A notification's cause, written in the transaction of what it reports; the same key again adds nothing. The kind,
-- the sender and the link are checked by the caller (NotificationOutbox.send) against the kinds it knows.
CREATE OR REPLACE FUNCTION app_send_notification(
  p_id uuid,
  p_tenant uuid,
  p_source text,
  p_kind text,
  p_key text,
  p_audience jsonb,
  p_title jsonb,
  p_body jsonb,
  p_link text,
  p_urgent boolean,
  p_created_at timestamptz,
  p_not_before timestamptz
) RETURNS void LANGUAGE sql VOLATILE SET role = 'city_app' AS $$
  INSERT INTO notification_causes (id, tenant_id, source, kind, key, audience, title, body, link, urgent, created_at,
                                   not_before)
  VALUES (p_id, p_tenant, p_source, p_kind, p_key, p_audience, p_title, p_body, p_link, p_urgent, p_created_at,
          p_not_before)
  ON CONFLICT DO NOTHING
$$;
