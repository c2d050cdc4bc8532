//! Ordered rows (steps of a project, questions of a form, the home page's
//! sections and their items): moving one row past its neighbour.

use super::{Db, StoreResult, WriteTx};
use crate::on_db;

/// Tables whose rows have a `position` within a group.
#[derive(Debug, Clone, Copy)]
pub enum Ordered {
    /// Steps, grouped by project.
    Steps,
    /// Questions, grouped by form.
    Questions,
    /// The home page's sections: one group, numbered 0.
    HomeSections,
    /// Chosen projects and highlights, grouped by home page section.
    HomeItems,
}

impl Ordered {
    /// The row's position, its previous neighbour, its next neighbour, and the update.
    fn sql(self) -> [&'static str; 4] {
        match self {
            Ordered::Steps => [
                "SELECT position FROM steps WHERE id = $1 AND project_id = $2",
                "SELECT id, position FROM steps WHERE project_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1",
                "SELECT id, position FROM steps WHERE project_id = $1 AND position > $2 ORDER BY position ASC LIMIT 1",
                "UPDATE steps SET position = $2 WHERE id = $1",
            ],
            Ordered::Questions => [
                "SELECT position FROM form_questions WHERE id = $1 AND form_id = $2",
                "SELECT id, position FROM form_questions WHERE form_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1",
                "SELECT id, position FROM form_questions WHERE form_id = $1 AND position > $2 ORDER BY position ASC LIMIT 1",
                "UPDATE form_questions SET position = $2 WHERE id = $1",
            ],
            Ordered::HomeSections => [
                "SELECT position FROM home_sections WHERE id = $1 AND CAST($2 AS BIGINT) = 0",
                "SELECT id, position FROM home_sections WHERE CAST($1 AS BIGINT) = 0 AND position < $2 ORDER BY position DESC LIMIT 1",
                "SELECT id, position FROM home_sections WHERE CAST($1 AS BIGINT) = 0 AND position > $2 ORDER BY position ASC LIMIT 1",
                "UPDATE home_sections SET position = $2 WHERE id = $1",
            ],
            Ordered::HomeItems => [
                "SELECT position FROM home_section_items WHERE id = $1 AND section_id = $2",
                "SELECT id, position FROM home_section_items WHERE section_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1",
                "SELECT id, position FROM home_section_items WHERE section_id = $1 AND position > $2 ORDER BY position ASC LIMIT 1",
                "UPDATE home_section_items SET position = $2 WHERE id = $1",
            ],
        }
    }
}

/// Swaps row `id` with its previous (`up`) or next neighbour within its
/// group, in one transaction. False when it is already at that end.
pub async fn swap(db: &Db, table: Ordered, group_id: i64, id: i64, up: bool) -> StoreResult<bool> {
    let [own, before, after, set] = table.sql();
    let neighbour = if up { before } else { after };
    let moved = on_db!(db, |p| {
        async {
            let mut tx = p.begin_write().await?;
            let Some(pos): Option<i64> = sqlx::query_scalar(own)
                .bind(id)
                .bind(group_id)
                .fetch_optional(&mut *tx)
                .await?
            else {
                return Ok::<bool, sqlx::Error>(false);
            };
            let other: Option<(i64, i64)> = sqlx::query_as(neighbour)
                .bind(group_id)
                .bind(pos)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((other_id, other_pos)) = other else {
                return Ok(false);
            };
            sqlx::query(set).bind(id).bind(-1_i64).execute(&mut *tx).await?;
            sqlx::query(set).bind(other_id).bind(pos).execute(&mut *tx).await?;
            sqlx::query(set).bind(id).bind(other_pos).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        }
        .await
    })?;
    Ok(moved)
}
