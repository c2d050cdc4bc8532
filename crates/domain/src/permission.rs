//! Who may do what. Every web handler asks here before acting; the table is
//! the single source of truth for authorisation.

use crate::Role;

/// Actions that need more than being a visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the back office at all.
    ViewBackOffice,
    /// Create, edit and publish projects and their steps.
    ManageProjects,
    /// Manage districts and themes.
    ManageTaxonomy,
    /// Change the organisation's name, logo and colours.
    ManageBranding,
    /// Read the email outbox.
    ReadOutbox,
    /// List accounts and change roles.
    ManageUsers,
    /// Export the whole platform (every table and file) and download the archive.
    ExportPlatform,
    /// See draft projects.
    ViewDrafts,
    /// Fill analyses of proposals (analysts: only those assigned to them).
    AnalyseProposals,
    /// Assign proposals, decide on them, set statuses, publish official
    /// answers, configure collect steps, export.
    DecideProposals,
    /// Hide and restore content, work through reports.
    Moderate,
    /// The site itself: its pages and menus, short URLs, redirections and
    /// the log of missing addresses.
    ManageSite,
}

/// Whether `role` (None for an anonymous visitor) may perform `action`.
pub fn can(role: Option<Role>, action: Action) -> bool {
    use Action::*;
    use Role::*;
    let Some(role) = role else { return false };
    match action {
        ViewBackOffice => role.is_staff(),
        ManageProjects | ManageTaxonomy | ViewDrafts => {
            matches!(role, Administrator | ProjectManager)
        }
        ManageBranding | ReadOutbox | ManageUsers => role == Administrator,
        ExportPlatform | ManageSite => role == Administrator,
        AnalyseProposals => matches!(role, Administrator | ProjectManager | Analyst),
        DecideProposals => matches!(role, Administrator | ProjectManager),
        Moderate => matches!(role, Administrator | ProjectManager | Moderator),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_can_do_nothing_privileged() {
        for a in [
            Action::ViewBackOffice,
            Action::ManageProjects,
            Action::ManageBranding,
            Action::ReadOutbox,
        ] {
            assert!(!can(None, a));
        }
    }

    #[test]
    fn participants_never_reach_the_back_office() {
        assert!(!can(Some(Role::Participant), Action::ViewBackOffice));
        assert!(can(Some(Role::Analyst), Action::ViewBackOffice));
    }

    #[test]
    fn only_administrators_manage_branding_and_users() {
        for r in Role::ALL {
            assert_eq!(can(Some(r), Action::ManageBranding), r == Role::Administrator);
            assert_eq!(can(Some(r), Action::ManageUsers), r == Role::Administrator);
        }
        assert!(can(Some(Role::ProjectManager), Action::ManageProjects));
        assert!(!can(Some(Role::Moderator), Action::ManageProjects));
    }

    #[test]
    fn only_administrators_export_the_platform() {
        assert!(!can(None, Action::ExportPlatform));
        for r in Role::ALL {
            assert_eq!(can(Some(r), Action::ExportPlatform), r == Role::Administrator);
        }
    }

    #[test]
    fn proposal_work_is_shared_by_role() {
        assert!(can(Some(Role::Analyst), Action::AnalyseProposals));
        assert!(!can(Some(Role::Analyst), Action::DecideProposals));
        assert!(can(Some(Role::Moderator), Action::Moderate));
        assert!(!can(Some(Role::Moderator), Action::AnalyseProposals));
        assert!(!can(Some(Role::Participant), Action::Moderate));
    }
}
