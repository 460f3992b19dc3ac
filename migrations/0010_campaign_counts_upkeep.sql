-- Coverage counts per campaign and branch (campaign_branch_counts), kept exact.
-- A recount of some branches of one campaign: the rows are locked first (in branch order, so two
-- recounts cannot deadlock), then counted with a fresh snapshot, so a concurrent change that committed
-- while we waited is included. Members are counted in their current branch, active, and exempt only
-- when the campaign's root plan includes exempt members.
CREATE OR REPLACE FUNCTION qt_recount_campaign_branches(p_tenant uuid, p_campaign uuid, p_branches uuid[]) RETURNS void AS $$
DECLARE
  inc boolean;
BEGIN
  IF p_branches IS NULL OR cardinality(p_branches) = 0 THEN RETURN; END IF;
  SELECT coalesce(bool_or(include_exempt), false) INTO inc FROM campaign_plans
    WHERE tenant_id = p_tenant AND campaign_id = p_campaign AND parent_plan_id IS NULL;
  INSERT INTO campaign_branch_counts (tenant_id, campaign_id, branch_id)
    SELECT p_tenant, p_campaign, b FROM (SELECT DISTINCT unnest(p_branches) AS b) x WHERE b IS NOT NULL ORDER BY b
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM campaign_branch_counts
    WHERE tenant_id = p_tenant AND campaign_id = p_campaign AND branch_id = ANY(p_branches) ORDER BY branch_id FOR UPDATE;
  UPDATE campaign_branch_counts c SET invited = x.invited, attended = x.attended, made_up = x.made_up
  FROM (
    SELECT b.branch_id,
      count(p.invited_at)::int AS invited, count(p.attended_at)::int AS attended,
      (count(p.member_id) FILTER (WHERE p.attended_at IS NULL AND p.made_up_at IS NOT NULL))::int AS made_up
    FROM (SELECT DISTINCT unnest(p_branches) AS branch_id) b
    LEFT JOIN members m ON m.tenant_id = p_tenant AND m.branch_id = b.branch_id AND m.left_at IS NULL AND (inc OR NOT m.is_exempt)
    -- One primary-key probe per member, whatever the statistics say: with participation rows newer than
    -- the last analyze the planner otherwise scans the whole campaign's participation for every member.
    LEFT JOIN LATERAL (SELECT q.member_id, q.invited_at, q.attended_at, q.made_up_at FROM campaign_participants q
      WHERE q.tenant_id = p_tenant AND q.campaign_id = p_campaign AND q.member_id = m.id LIMIT 1) p ON true
    GROUP BY b.branch_id
  ) x
  WHERE c.tenant_id = p_tenant AND c.campaign_id = p_campaign AND c.branch_id = x.branch_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Members who move, leave or change exemption change the counts of every campaign they take part in:
-- one recount per statement (an import updating thousands of rows recounts each branch once).
CREATE OR REPLACE FUNCTION qt_members_recount_campaigns() RETURNS trigger AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    WITH changed AS (
      SELECT o.tenant_id, o.id, o.branch_id AS old_branch, n.branch_id AS new_branch
      FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
      WHERE o.branch_id IS DISTINCT FROM n.branch_id OR o.left_at IS DISTINCT FROM n.left_at OR o.is_exempt IS DISTINCT FROM n.is_exempt)
    SELECT p.tenant_id, p.campaign_id, array_agg(DISTINCT b.branch_id) AS branches
    FROM changed ch
    JOIN campaign_participants p ON p.tenant_id = ch.tenant_id AND p.member_id = ch.id
    CROSS JOIN LATERAL (VALUES (ch.old_branch), (ch.new_branch)) AS b(branch_id)
    GROUP BY p.tenant_id, p.campaign_id
  LOOP
    PERFORM qt_recount_campaign_branches(r.tenant_id, r.campaign_id, r.branches);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER members_campaign_counts AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION qt_members_recount_campaigns();
--> statement-breakpoint
-- Counts for the campaigns that exist already.
INSERT INTO campaign_branch_counts (tenant_id, campaign_id, branch_id, invited, attended, made_up)
SELECT m.tenant_id, p.campaign_id, m.branch_id, count(p.invited_at), count(p.attended_at),
  count(*) FILTER (WHERE p.attended_at IS NULL AND p.made_up_at IS NOT NULL)
FROM campaign_participants p
JOIN members m ON m.tenant_id = p.tenant_id AND m.id = p.member_id AND m.left_at IS NULL
WHERE NOT m.is_exempt OR EXISTS (SELECT 1 FROM campaign_plans r WHERE r.tenant_id = p.tenant_id AND r.campaign_id = p.campaign_id
  AND r.parent_plan_id IS NULL AND r.include_exempt)
GROUP BY m.tenant_id, p.campaign_id, m.branch_id
ON CONFLICT DO NOTHING;
