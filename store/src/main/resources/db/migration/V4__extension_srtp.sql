-- An extension's SRTP policy: 'required', 'optional' (the default: SRTP when a phone on TLS offers
-- or accepts it) or 'off'. The words are the domain's rule (SrtpPolicy), checked before every
-- write; a value edited by hand outside them reads as the default, with a warning.
ALTER TABLE extension ADD COLUMN srtp TEXT NOT NULL DEFAULT 'optional';
