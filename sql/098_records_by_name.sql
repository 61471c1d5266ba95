-- 098: the bureau's list of records, in name order from an index.
--
-- The admin's records page lists the records that pass its filter by name. Where many pass (no filter, a
-- kind, a status, a common word), this index yields them in order and a page stops after its rows, instead
-- of reading and sorting every match (internal/store/recorddb/records.go says when it is used).
CREATE INDEX providers_name_idx ON providers (name, id);
