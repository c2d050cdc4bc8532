-- Reading a step's ballots page by page in pseudonym order (the order of
-- the published .pb file, which says nothing of when each ballot was cast).
CREATE INDEX ballots_step_pseudonym ON ballots(step_id, pseudonym);
