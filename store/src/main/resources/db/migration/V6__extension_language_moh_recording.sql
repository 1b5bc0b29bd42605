-- Per-extension prompt language, music on hold class and recording policy.
-- language: a tag such as 'fr' or 'fr-CH' (ExtensionLanguage); NULL: the server's voicemail.language.
-- moh_class: a folder name of DATA/moh/ (MohClass); NULL: the server's moh.default-class. The folder
-- need not exist: a class without music plays the default at hold time.
-- recording: 'never' (the default), 'always' or 'on-demand' (RecordingPolicy).
-- The rules are the domain's, checked before every write; a value edited by hand outside them
-- reads as the default, with a warning.
ALTER TABLE extension ADD COLUMN language VARCHAR(16);
ALTER TABLE extension ADD COLUMN moh_class VARCHAR(64);
ALTER TABLE extension ADD COLUMN recording VARCHAR(16) NOT NULL DEFAULT 'never';
