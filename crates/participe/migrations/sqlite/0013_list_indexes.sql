-- Proposal lists read only the page they show (issue 13). Keep in step with
-- the other engine's 0013_list_indexes.sql; the expressions are the ones
-- storage/proposal_list.rs writes, which the planner matches.

-- The random order: a fixed shuffle (a bijective hash of the id) read from
-- a point the visitor's seed chooses; alone and with each filter.
CREATE INDEX proposals_shuffle ON proposals(step_id, state, ((id * 2654435761) % 2147483647));
CREATE INDEX proposals_district_shuffle ON proposals(step_id, state, district_id, ((id * 2654435761) % 2147483647));
CREATE INDEX proposals_theme_shuffle ON proposals(step_id, state, theme_id, ((id * 2654435761) % 2147483647));
CREATE INDEX proposals_category_shuffle ON proposals(step_id, state, category_id, ((id * 2654435761) % 2147483647));
CREATE INDEX proposals_status_shuffle ON proposals(step_id, state, status_id, ((id * 2654435761) % 2147483647));

-- The other sorts, with the id that breaks ties, in the order they read.
DROP INDEX proposals_list;
CREATE INDEX proposals_list ON proposals(step_id, state, published_at, id);
DROP INDEX proposals_comments;
CREATE INDEX proposals_comments ON proposals(step_id, state, comment_count, id);
DROP INDEX proposals_supports;
CREATE INDEX proposals_supports ON proposals(step_id, state, support_count, id);
DROP INDEX proposals_cost;
CREATE INDEX proposals_cost ON proposals(step_id, state, (cost IS NULL), cost, id);
CREATE INDEX proposals_cost_desc ON proposals(step_id, state, (cost IS NULL), cost DESC, id);
