//! The administrators' action log for the API: a mutation run with a write
//! token is a staff change like one made in the back office. Each root field
//! that succeeded is recorded (route `/graphql`, the fields after the path)
//! under the token's creator, with the token's name and the client's
//! address. A failure to write is logged and does not undo the change.

use async_graphql::parser::types::{DocumentOperations, OperationType, Selection};

use crate::app::AppState;
use crate::storage::admin_log::{self, NewAction};
use crate::storage::{api_tokens, users};

/// The root fields (by their name in the answer: alias or name) of the
/// mutation the request runs; None when it runs a query, names an
/// operation it does not hold or does not parse.
pub fn mutation_fields(query: &str, operation: Option<&str>) -> Option<Vec<String>> {
    let doc = async_graphql::parser::parse_query(query).ok()?;
    let op = match (&doc.operations, operation) {
        (DocumentOperations::Single(op), _) => op,
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name)?,
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next()?,
        _ => return None,
    };
    if op.node.ty != OperationType::Mutation {
        return None;
    }
    Some(
        op.node
            .selection_set
            .node
            .items
            .iter()
            .filter_map(|s| match &s.node {
                Selection::Field(f) => Some(f.node.response_key().node.to_string()),
                _ => None,
            })
            .collect(),
    )
}

/// Records the fields of `fields` the answer's `data` holds (a failed one
/// is null there), made with the write token `token_id` from `ip`.
pub async fn record(state: &AppState, token_id: i64, ip: &str, fields: &[String], data: &async_graphql::Value) {
    let done: Vec<&str> = fields
        .iter()
        .filter(|f| match data {
            async_graphql::Value::Object(o) => o.get(f.as_str()).is_some_and(|v| *v != async_graphql::Value::Null),
            _ => false,
        })
        .map(String::as_str)
        .collect();
    if done.is_empty() {
        return;
    }
    if let Err(e) = write(state, token_id, ip, &done).await {
        tracing::error!("API mutation not logged: {e:#}");
    }
}

async fn write(state: &AppState, token_id: i64, ip: &str, done: &[&str]) -> anyhow::Result<()> {
    let Some((name, created_by)) = api_tokens::name_and_creator(&state.db, token_id).await? else {
        return Ok(());
    };
    let creator = match created_by {
        Some(id) => users::by_id(&state.db, id).await?,
        None => None,
    };
    let who = creator.as_ref().map_or(String::new(), |u| {
        format!(
            "{} <{}> ",
            u.display_name.as_deref().unwrap_or(""),
            u.email.as_deref().unwrap_or("")
        )
    });
    let label = format!("{who}[API: {name}]");
    let path = format!("/graphql {}", done.join(", "));
    let action = NewAction {
        user_id: creator.as_ref().map(|u| u.id),
        user_label: &label,
        role: creator.as_ref().map_or("administrator", |u| u.role.as_str()),
        method: "POST",
        path: &path,
        route: "/graphql",
        status: 200,
        ip,
    };
    admin_log::record(&state.db, &action).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mutations_are_told_from_queries() {
        assert_eq!(
            mutation_fields("mutation { a: setStatus(id: 1) { id } publishAnswer { id } }", None),
            Some(vec!["a".to_string(), "publishAnswer".to_string()])
        );
        assert_eq!(mutation_fields("{ projects { id } }", None), None);
        let two = "query Q { projects { id } } mutation M { hide(id: 2) }";
        assert_eq!(mutation_fields(two, Some("M")), Some(vec!["hide".to_string()]));
        assert_eq!(mutation_fields(two, Some("Q")), None);
        assert_eq!(mutation_fields(two, None), None);
        assert_eq!(mutation_fields("mutation {", None), None);
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panicking(q in ".{0,200}", op in proptest::option::of("[A-Za-z]{1,5}")) {
            let _ = mutation_fields(&q, op.as_deref());
        }
    }
}
