//! The roles a person can hold on the platform.

/// Roles, from the most to the least powerful. Stored as their `as_str` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Administrator,
    ProjectManager,
    Moderator,
    Analyst,
    Participant,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::ProjectManager,
        Role::Moderator,
        Role::Analyst,
        Role::Participant,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProjectManager => "project_manager",
            Role::Moderator => "moderator",
            Role::Analyst => "analyst",
            Role::Participant => "participant",
        }
    }

    pub fn parse(s: &str) -> Result<Role, &'static str> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or("error-role-unknown")
    }

    /// Staff roles see the back office.
    pub fn is_staff(self) -> bool {
        self != Role::Participant
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert_eq!(Role::parse("root"), Err("error-role-unknown"));
    }
}
