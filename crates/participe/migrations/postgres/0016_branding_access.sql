-- More of the site's identity, and who may see it (PostgreSQL). Keep in step
-- with ../sqlite/0016_branding_access.sql.

-- The browser tab's icon, and what a link to the site shows when shared
-- (Open Graph): an image and a description.
ALTER TABLE organisation ADD COLUMN favicon_path TEXT;
ALTER TABLE organisation ADD COLUMN share_image_path TEXT;
ALTER TABLE organisation ADD COLUMN share_description TEXT NOT NULL DEFAULT '';
-- Shield mode: the whole site behind log-in (a staff-only or pre-launch site).
ALTER TABLE organisation ADD COLUMN shielded BOOLEAN NOT NULL DEFAULT FALSE;
-- Colours beyond the two brand colours (`#rrggbb`, empty: derived from
-- them), each text and background pair checked for AA contrast when set.
ALTER TABLE organisation ADD COLUMN header_bg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN header_fg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN footer_bg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN footer_fg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN button_bg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN button_fg TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN link_colour TEXT NOT NULL DEFAULT '';
