//! The administrators' action log: which requests are staff actions worth
//! recording (who changed what, when, from which address), and how long the
//! record is kept.

/// Days an entry is kept unless configured otherwise (one year), and at most.
pub const DEFAULT_KEPT_DAYS: i64 = 365;
pub const MAX_KEPT_DAYS: i64 = 3650;

/// Routes outside the back office that only staff (or a vote's mediators)
/// may use, and that change something.
pub const STAFF_ROUTES: &[&str] = &[
    "/news-comments/{id}/hide",
    "/votes/{id}/paper",
    "/votes/{id}/paper/{ballot}/delete",
    "/votes/{id}/tallies",
    "/questionnaires/{id}/paper",
];

/// Whether a request (its method and the route it matched) is recorded once
/// it succeeds: every change made in the back office (`/admin/…`) and the
/// staff routes above. Reading is not recorded.
pub fn is_logged(method: &str, route: &str) -> bool {
    let changes = !matches!(method, "GET" | "HEAD" | "OPTIONS");
    changes && (route.starts_with("/admin/") || route == "/admin" || STAFF_ROUTES.contains(&route))
}

/// How long entries are kept, as configured: 1 to `MAX_KEPT_DAYS` days
/// (0 or less: the default; more: the maximum).
pub fn kept_days(configured: i64) -> i64 {
    if configured <= 0 {
        DEFAULT_KEPT_DAYS
    } else {
        configured.min(MAX_KEPT_DAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn changes_in_the_back_office_and_staff_routes_are_logged() {
        assert!(is_logged("POST", "/admin/groups/{id}/members"));
        assert!(is_logged("POST", "/votes/{id}/paper"));
        assert!(is_logged("DELETE", "/admin/sso/{id}"));
        assert!(!is_logged("GET", "/admin/groups"));
        assert!(!is_logged("POST", "/votes/{id}"), "a vote is not a staff action");
        assert!(!is_logged("POST", "/administration"));
        assert!(!is_logged("POST", "/proposals/{id}/comments"));
    }

    #[test]
    fn entries_are_kept_a_bounded_time() {
        assert_eq!(kept_days(0), 365);
        assert_eq!(kept_days(-3), 365);
        assert_eq!(kept_days(90), 90);
        assert_eq!(kept_days(100_000), MAX_KEPT_DAYS);
    }

    proptest! {
        #[test]
        fn reading_is_never_logged(route in "/.{0,40}") {
            prop_assert!(!is_logged("GET", &route));
        }

        #[test]
        fn any_configuration_keeps_entries_between_a_day_and_ten_years(days in any::<i64>()) {
            let d = kept_days(days);
            prop_assert!((1..=MAX_KEPT_DAYS).contains(&d));
        }
    }
}
