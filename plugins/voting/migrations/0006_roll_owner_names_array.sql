-- A counting owner's owners' names, one per owner in the order of owner_ids: joined with 、 in one string they could
-- not be told apart where a name itself has a 、. A row with one owner keeps its string whole as that owner's name; a
-- co-owned row is split on 、 as it was read until now.
ALTER TABLE voting_roll_owners ALTER COLUMN names TYPE text[] USING
  CASE WHEN cardinality(owner_ids) = 1 THEN ARRAY[names] ELSE string_to_array(names, '、') END;
