-- Reflections counted per campaign, branch and bucket (reflection_branch_counts): 's' handed in,
-- 't' on time (by the campaign's due date), 'g' graded (approved), 'g:<grade>' per approved grade.
-- Statement triggers apply the rows a statement touched as increments (they commute: concurrent
-- submissions need no recount; rows in key order so two statements cannot deadlock). A change of the
-- due date recounts the campaign's buckets.
CREATE OR REPLACE FUNCTION qt_reflection_branch_counts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO reflection_branch_counts (tenant_id, campaign_id, branch_id, bucket, n)
    SELECT d.tenant_id, d.campaign_id, d.branch_id, b.bucket, sum(d.sign)::int
    FROM (SELECT tenant_id, campaign_id, branch_id, submitted_at, grade_status, final_grade, 1 AS sign FROM new_rows) d
    LEFT JOIN reflection_settings s ON s.tenant_id = d.tenant_id AND s.campaign_id = d.campaign_id
    CROSS JOIN LATERAL (VALUES
      (CASE WHEN d.submitted_at IS NOT NULL THEN 's' END),
      (CASE WHEN d.submitted_at IS NOT NULL AND (s.due_at IS NULL OR d.submitted_at <= s.due_at) THEN 't' END),
      (CASE WHEN d.grade_status = 'approved' THEN 'g' END),
      (CASE WHEN d.grade_status = 'approved' AND d.final_grade IS NOT NULL THEN 'g:' || d.final_grade END)) AS b(bucket)
    WHERE b.bucket IS NOT NULL
    GROUP BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    HAVING sum(d.sign) <> 0
    ORDER BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    ON CONFLICT (tenant_id, campaign_id, branch_id, bucket) DO UPDATE SET n = reflection_branch_counts.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO reflection_branch_counts (tenant_id, campaign_id, branch_id, bucket, n)
    SELECT d.tenant_id, d.campaign_id, d.branch_id, b.bucket, sum(d.sign)::int
    FROM (SELECT tenant_id, campaign_id, branch_id, submitted_at, grade_status, final_grade, -1 AS sign FROM old_rows) d
    LEFT JOIN reflection_settings s ON s.tenant_id = d.tenant_id AND s.campaign_id = d.campaign_id
    CROSS JOIN LATERAL (VALUES
      (CASE WHEN d.submitted_at IS NOT NULL THEN 's' END),
      (CASE WHEN d.submitted_at IS NOT NULL AND (s.due_at IS NULL OR d.submitted_at <= s.due_at) THEN 't' END),
      (CASE WHEN d.grade_status = 'approved' THEN 'g' END),
      (CASE WHEN d.grade_status = 'approved' AND d.final_grade IS NOT NULL THEN 'g:' || d.final_grade END)) AS b(bucket)
    WHERE b.bucket IS NOT NULL
    GROUP BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    HAVING sum(d.sign) <> 0
    ORDER BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    ON CONFLICT (tenant_id, campaign_id, branch_id, bucket) DO UPDATE SET n = reflection_branch_counts.n + excluded.n;
  ELSE
    INSERT INTO reflection_branch_counts (tenant_id, campaign_id, branch_id, bucket, n)
    SELECT d.tenant_id, d.campaign_id, d.branch_id, b.bucket, sum(d.sign)::int
    FROM (SELECT tenant_id, campaign_id, branch_id, submitted_at, grade_status, final_grade, 1 AS sign FROM new_rows UNION ALL SELECT tenant_id, campaign_id, branch_id, submitted_at, grade_status, final_grade, -1 AS sign FROM old_rows) d
    LEFT JOIN reflection_settings s ON s.tenant_id = d.tenant_id AND s.campaign_id = d.campaign_id
    CROSS JOIN LATERAL (VALUES
      (CASE WHEN d.submitted_at IS NOT NULL THEN 's' END),
      (CASE WHEN d.submitted_at IS NOT NULL AND (s.due_at IS NULL OR d.submitted_at <= s.due_at) THEN 't' END),
      (CASE WHEN d.grade_status = 'approved' THEN 'g' END),
      (CASE WHEN d.grade_status = 'approved' AND d.final_grade IS NOT NULL THEN 'g:' || d.final_grade END)) AS b(bucket)
    WHERE b.bucket IS NOT NULL
    GROUP BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    HAVING sum(d.sign) <> 0
    ORDER BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    ON CONFLICT (tenant_id, campaign_id, branch_id, bucket) DO UPDATE SET n = reflection_branch_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER reflections_branch_counts_ins AFTER INSERT ON reflections
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_reflection_branch_counts();
--> statement-breakpoint
CREATE TRIGGER reflections_branch_counts_upd AFTER UPDATE ON reflections
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_reflection_branch_counts();
--> statement-breakpoint
CREATE TRIGGER reflections_branch_counts_del AFTER DELETE ON reflections
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_reflection_branch_counts();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION qt_recount_reflection_counts(p_tenant uuid, p_campaign uuid) RETURNS void AS $$
BEGIN
  DELETE FROM reflection_branch_counts WHERE tenant_id = p_tenant AND campaign_id = p_campaign;
  INSERT INTO reflection_branch_counts (tenant_id, campaign_id, branch_id, bucket, n)
    SELECT d.tenant_id, d.campaign_id, d.branch_id, b.bucket, sum(d.sign)::int
    FROM (SELECT tenant_id, campaign_id, branch_id, submitted_at, grade_status, final_grade, 1 AS sign FROM reflections WHERE tenant_id = p_tenant AND campaign_id = p_campaign) d
    LEFT JOIN reflection_settings s ON s.tenant_id = d.tenant_id AND s.campaign_id = d.campaign_id
    CROSS JOIN LATERAL (VALUES
      (CASE WHEN d.submitted_at IS NOT NULL THEN 's' END),
      (CASE WHEN d.submitted_at IS NOT NULL AND (s.due_at IS NULL OR d.submitted_at <= s.due_at) THEN 't' END),
      (CASE WHEN d.grade_status = 'approved' THEN 'g' END),
      (CASE WHEN d.grade_status = 'approved' AND d.final_grade IS NOT NULL THEN 'g:' || d.final_grade END)) AS b(bucket)
    WHERE b.bucket IS NOT NULL
    GROUP BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    HAVING sum(d.sign) <> 0
    ORDER BY d.tenant_id, d.campaign_id, d.branch_id, b.bucket
    ON CONFLICT (tenant_id, campaign_id, branch_id, bucket) DO UPDATE SET n = reflection_branch_counts.n + excluded.n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION qt_reflection_settings_due() RETURNS trigger AS $$
BEGIN
  PERFORM qt_recount_reflection_counts(NEW.tenant_id, NEW.campaign_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER reflection_settings_due_ins AFTER INSERT ON reflection_settings
  FOR EACH ROW EXECUTE FUNCTION qt_reflection_settings_due();
--> statement-breakpoint
CREATE TRIGGER reflection_settings_due_upd AFTER UPDATE OF due_at ON reflection_settings
  FOR EACH ROW WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at) EXECUTE FUNCTION qt_reflection_settings_due();
--> statement-breakpoint
-- Counts of the reflections that exist already.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT tenant_id, campaign_id FROM reflections LOOP
    PERFORM qt_recount_reflection_counts(r.tenant_id, r.campaign_id);
  END LOOP;
END $$;
