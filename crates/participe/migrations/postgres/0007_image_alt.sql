-- Text alternatives of cover images: a project's cover and a proposal's
-- image say what they show to people who cannot see them. Empty for images
-- stored before, which pages then treat as decorative.
ALTER TABLE projects ADD COLUMN cover_alt TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN image_alt TEXT NOT NULL DEFAULT '';
