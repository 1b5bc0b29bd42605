-- An extension's own ring timeout in whole seconds; NULL rings for the server's calls.ring-timeout.
-- The bounds (5 to 600 s) are the domain's rule (RingTimeout), checked before every write, so
-- widening them later needs no table rebuild.
ALTER TABLE extension ADD COLUMN ring_timeout_seconds INTEGER;
