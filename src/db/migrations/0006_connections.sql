CREATE TABLE "ad_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"time_zone" text NOT NULL,
	"platform_status" text NOT NULL,
	"manager_id" text,
	"sync_status" text DEFAULT 'queued' NOT NULL,
	"sync_progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metrics_synced_through" date,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_accounts_platform" CHECK ("ad_accounts"."platform" in ('meta', 'google', 'tiktok', 'snapchat')),
	CONSTRAINT "ad_accounts_sync_status" CHECK ("ad_accounts"."sync_status" in ('queued', 'syncing', 'synced', 'failed', 'needs_reconnect'))
);
--> statement-breakpoint
CREATE TABLE "ad_daily_metrics" (
	"workspace_id" text NOT NULL,
	"platform" text NOT NULL,
	"ad_external_id" text NOT NULL,
	"date" date NOT NULL,
	"ad_account_id" text NOT NULL,
	"currency" text NOT NULL,
	"spend_minor" bigint NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"purchases" double precision NOT NULL,
	"revenue_minor" bigint NOT NULL,
	"leads" double precision NOT NULL,
	"raw" jsonb NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_daily_metrics_workspace_id_platform_ad_external_id_date_pk" PRIMARY KEY("workspace_id","platform","ad_external_id","date"),
	CONSTRAINT "ad_daily_metrics_platform" CHECK ("ad_daily_metrics"."platform" in ('meta', 'google', 'tiktok', 'snapchat'))
);
--> statement-breakpoint
CREATE TABLE "ad_entities" (
	"workspace_id" text NOT NULL,
	"platform" text NOT NULL,
	"level" text NOT NULL,
	"external_id" text NOT NULL,
	"ad_account_id" text NOT NULL,
	"parent_external_id" text,
	"campaign_external_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"platform_status" text NOT NULL,
	"daily_budget_minor" bigint,
	"lifetime_budget_minor" bigint,
	"objective" text,
	"raw" jsonb NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_entities_workspace_id_platform_level_external_id_pk" PRIMARY KEY("workspace_id","platform","level","external_id"),
	CONSTRAINT "ad_entities_platform" CHECK ("ad_entities"."platform" in ('meta', 'google', 'tiktok', 'snapchat'))
);
--> statement-breakpoint
CREATE TABLE "oauth_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"platform" text NOT NULL,
	"state_hash" text NOT NULL,
	"session_hash" text NOT NULL,
	"code_verifier" text,
	"redirect_uri" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "oauth_attempts_platform" CHECK ("oauth_attempts"."platform" in ('meta', 'google', 'tiktok', 'snapchat'))
);
--> statement-breakpoint
CREATE TABLE "platform_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"platform" text NOT NULL,
	"status" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"token_key_id" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"refresh_expires_at" timestamp with time zone,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"connected_by" text,
	"available_accounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"refresh_lease_until" timestamp with time zone,
	"reconnect_emailed_at" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_connections_platform" CHECK ("platform_connections"."platform" in ('meta', 'google', 'tiktok', 'snapchat')),
	CONSTRAINT "platform_connections_status" CHECK ("platform_connections"."status" in ('selecting', 'syncing', 'active', 'needs_reconnect', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "ad_accounts" ADD CONSTRAINT "ad_accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_accounts" ADD CONSTRAINT "ad_accounts_connection_id_platform_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."platform_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_daily_metrics" ADD CONSTRAINT "ad_daily_metrics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_daily_metrics" ADD CONSTRAINT "ad_daily_metrics_ad_account_id_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_entities" ADD CONSTRAINT "ad_entities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_entities" ADD CONSTRAINT "ad_entities_ad_account_id_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_attempts" ADD CONSTRAINT "oauth_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_attempts" ADD CONSTRAINT "oauth_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ad_accounts_workspace_platform_external_key" ON "ad_accounts" USING btree ("workspace_id","platform","external_id");--> statement-breakpoint
CREATE INDEX "ad_accounts_connection_id_idx" ON "ad_accounts" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "ad_daily_metrics_account_date_idx" ON "ad_daily_metrics" USING btree ("ad_account_id","date");--> statement-breakpoint
CREATE INDEX "ad_entities_ad_account_id_idx" ON "ad_entities" USING btree ("ad_account_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_attempts_state_hash_key" ON "oauth_attempts" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "oauth_attempts_workspace_id_idx" ON "oauth_attempts" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "oauth_attempts_user_id_idx" ON "oauth_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "oauth_attempts_expires_at_idx" ON "oauth_attempts" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_connections_workspace_platform_key" ON "platform_connections" USING btree ("workspace_id","platform");--> statement-breakpoint
CREATE INDEX "platform_connections_status_idx" ON "platform_connections" USING btree ("status");--> statement-breakpoint
CREATE INDEX "platform_connections_connected_by_idx" ON "platform_connections" USING btree ("connected_by");