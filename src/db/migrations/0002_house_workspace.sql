-- The house workspace: Stratum's own marketing site is a tenant like any customer's,
-- so the leads and page events of its landing page belong to it.
INSERT INTO "workspaces" ("id", "name", "currency", "timezone", "locale")
VALUES ('ws_stratum', 'Stratum', 'SAR', 'Asia/Riyadh', 'en')
ON CONFLICT ("id") DO NOTHING;
