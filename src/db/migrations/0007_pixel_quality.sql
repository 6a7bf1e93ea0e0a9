CREATE TABLE "pixel_quality" (
	"workspace_id" text NOT NULL,
	"platform" text NOT NULL,
	"pixel_id" text NOT NULL,
	"event_name" text NOT NULL,
	"ad_account_id" text NOT NULL,
	"pixel_name" text NOT NULL,
	"match_quality" double precision,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pixel_quality_workspace_id_platform_pixel_id_event_name_pk" PRIMARY KEY("workspace_id","platform","pixel_id","event_name"),
	CONSTRAINT "pixel_quality_platform" CHECK ("pixel_quality"."platform" in ('meta', 'google', 'tiktok', 'snapchat'))
);
--> statement-breakpoint
ALTER TABLE "pixel_quality" ADD CONSTRAINT "pixel_quality_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pixel_quality" ADD CONSTRAINT "pixel_quality_ad_account_id_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pixel_quality_ad_account_id_idx" ON "pixel_quality" USING btree ("ad_account_id");