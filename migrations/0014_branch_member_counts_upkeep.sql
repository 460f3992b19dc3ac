-- Active members per branch (branch_member_counts), kept by statement triggers on members: the rows a
-- statement touched are summed per branch and applied as increments (an import of 50,000 rows costs
-- one grouped insert). Increments commute, so concurrent statements need no recount; rows are applied
-- in branch order so two statements cannot deadlock on them. A transition table exists only for the
-- events that have it, hence one statement per event.
CREATE OR REPLACE FUNCTION qt_members_branch_counts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO branch_member_counts (tenant_id, branch_id, active, active_not_exempt)
    SELECT d.tenant_id, d.branch_id, sum(d.active)::int, sum(d.active_not_exempt)::int
    FROM (SELECT n.tenant_id, n.branch_id, (n.left_at IS NULL)::int AS active, (n.left_at IS NULL AND NOT n.is_exempt)::int AS active_not_exempt FROM new_rows n) d
    GROUP BY d.tenant_id, d.branch_id
    HAVING sum(d.active) <> 0 OR sum(d.active_not_exempt) <> 0
    ORDER BY d.tenant_id, d.branch_id
    ON CONFLICT (tenant_id, branch_id) DO UPDATE SET
      active = branch_member_counts.active + excluded.active,
      active_not_exempt = branch_member_counts.active_not_exempt + excluded.active_not_exempt;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO branch_member_counts (tenant_id, branch_id, active, active_not_exempt)
    SELECT d.tenant_id, d.branch_id, sum(d.active)::int, sum(d.active_not_exempt)::int
    FROM (SELECT o.tenant_id, o.branch_id, -(o.left_at IS NULL)::int AS active, -(o.left_at IS NULL AND NOT o.is_exempt)::int AS active_not_exempt FROM old_rows o) d
    GROUP BY d.tenant_id, d.branch_id
    HAVING sum(d.active) <> 0 OR sum(d.active_not_exempt) <> 0
    ORDER BY d.tenant_id, d.branch_id
    ON CONFLICT (tenant_id, branch_id) DO UPDATE SET
      active = branch_member_counts.active + excluded.active,
      active_not_exempt = branch_member_counts.active_not_exempt + excluded.active_not_exempt;
  ELSE
    INSERT INTO branch_member_counts (tenant_id, branch_id, active, active_not_exempt)
    SELECT d.tenant_id, d.branch_id, sum(d.active)::int, sum(d.active_not_exempt)::int
    FROM (SELECT n.tenant_id, n.branch_id, (n.left_at IS NULL)::int AS active, (n.left_at IS NULL AND NOT n.is_exempt)::int AS active_not_exempt FROM new_rows n UNION ALL SELECT o.tenant_id, o.branch_id, -(o.left_at IS NULL)::int AS active, -(o.left_at IS NULL AND NOT o.is_exempt)::int AS active_not_exempt FROM old_rows o) d
    GROUP BY d.tenant_id, d.branch_id
    HAVING sum(d.active) <> 0 OR sum(d.active_not_exempt) <> 0
    ORDER BY d.tenant_id, d.branch_id
    ON CONFLICT (tenant_id, branch_id) DO UPDATE SET
      active = branch_member_counts.active + excluded.active,
      active_not_exempt = branch_member_counts.active_not_exempt + excluded.active_not_exempt;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER members_branch_counts_ins AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_members_branch_counts();
--> statement-breakpoint
CREATE TRIGGER members_branch_counts_upd AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_members_branch_counts();
--> statement-breakpoint
CREATE TRIGGER members_branch_counts_del AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION qt_members_branch_counts();
--> statement-breakpoint
-- Counts of the members that exist already.
INSERT INTO branch_member_counts (tenant_id, branch_id, active, active_not_exempt)
SELECT tenant_id, branch_id, count(*) FILTER (WHERE left_at IS NULL), count(*) FILTER (WHERE left_at IS NULL AND NOT is_exempt)
FROM members GROUP BY tenant_id, branch_id
ON CONFLICT DO NOTHING;
