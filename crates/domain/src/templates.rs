//! Project templates: ready-made sets of steps offered when a project is
//! created. The manager edits, reorders or deletes the steps afterwards; a
//! template only saves typing the usual ones.

use crate::step::StepType;

/// A set of steps to start a project with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectTemplate {
    /// No step: the manager adds them one by one.
    None,
    ParticipatoryBudget,
    IdeaBox,
    CallForProjects,
    Petition,
}

impl ProjectTemplate {
    pub const ALL: [ProjectTemplate; 5] = [
        ProjectTemplate::None,
        ProjectTemplate::ParticipatoryBudget,
        ProjectTemplate::IdeaBox,
        ProjectTemplate::CallForProjects,
        ProjectTemplate::Petition,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectTemplate::None => "none",
            ProjectTemplate::ParticipatoryBudget => "participatory_budget",
            ProjectTemplate::IdeaBox => "idea_box",
            ProjectTemplate::CallForProjects => "call_for_projects",
            ProjectTemplate::Petition => "petition",
        }
    }

    /// Parses a submitted value; an empty one (a form without the field)
    /// means no template.
    pub fn parse(s: &str) -> Result<ProjectTemplate, &'static str> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(ProjectTemplate::None);
        }
        ProjectTemplate::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or("error-template-unknown")
    }

    /// Message id of the template's name in the catalogues.
    pub fn message_id(self) -> &'static str {
        match self {
            ProjectTemplate::None => "project-template-none",
            ProjectTemplate::ParticipatoryBudget => "project-template-participatory_budget",
            ProjectTemplate::IdeaBox => "project-template-idea_box",
            ProjectTemplate::CallForProjects => "project-template-call_for_projects",
            ProjectTemplate::Petition => "project-template-petition",
        }
    }

    /// The steps to create, in order: their type and the message id of
    /// their default title in the catalogues.
    pub fn steps(self) -> &'static [(StepType, &'static str)] {
        use StepType::*;
        match self {
            ProjectTemplate::None => &[],
            ProjectTemplate::ParticipatoryBudget => &[
                (Presentation, "template-step-presentation"),
                (Collect, "template-step-collect-projects"),
                (Analysis, "template-step-analysis"),
                (Vote, "template-step-vote"),
                (Results, "template-step-results"),
                (FollowUp, "template-step-follow-up"),
            ],
            ProjectTemplate::IdeaBox => &[
                (Presentation, "template-step-presentation"),
                (Collect, "template-step-collect-ideas"),
                (Analysis, "template-step-analysis"),
                (FollowUp, "template-step-follow-up"),
            ],
            ProjectTemplate::CallForProjects => &[
                (Presentation, "template-step-presentation"),
                (Collect, "template-step-collect-applications"),
                (Analysis, "template-step-selection"),
                (Results, "template-step-winners"),
            ],
            ProjectTemplate::Petition => &[
                (Presentation, "template-step-presentation"),
                (Collect, "template-step-collect-petitions"),
                (Analysis, "template-step-analysis"),
                (Results, "template-step-city-response"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_template_round_trips() {
        for t in ProjectTemplate::ALL {
            assert_eq!(ProjectTemplate::parse(t.as_str()), Ok(t));
            assert!(t.message_id().ends_with(t.as_str()));
        }
        assert_eq!(ProjectTemplate::parse(""), Ok(ProjectTemplate::None));
        assert_eq!(ProjectTemplate::parse(" petition "), Ok(ProjectTemplate::Petition));
        assert_eq!(ProjectTemplate::parse("Petition"), Err("error-template-unknown"));
        assert_eq!(ProjectTemplate::parse("budget"), Err("error-template-unknown"));
    }

    #[test]
    fn participatory_budget_has_the_six_usual_steps() {
        let kinds: Vec<StepType> = ProjectTemplate::ParticipatoryBudget
            .steps()
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert_eq!(
            kinds,
            [
                StepType::Presentation,
                StepType::Collect,
                StepType::Analysis,
                StepType::Vote,
                StepType::Results,
                StepType::FollowUp
            ]
        );
        assert!(ProjectTemplate::None.steps().is_empty());
    }

    #[test]
    fn templates_start_with_a_presentation_and_collect_proposals() {
        for t in ProjectTemplate::ALL.into_iter().filter(|t| *t != ProjectTemplate::None) {
            let steps = t.steps();
            assert_eq!(steps[0].0, StepType::Presentation, "{t:?}");
            assert_eq!(
                steps.iter().filter(|(k, _)| *k == StepType::Collect).count(),
                1,
                "{t:?}"
            );
            for (_, id) in steps {
                assert!(id.starts_with("template-step-"), "{id}");
            }
            // No type twice: each step has its own role.
            for (i, (k, _)) in steps.iter().enumerate() {
                assert!(!steps[i + 1..].iter().any(|(l, _)| l == k), "{t:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            if let Ok(t) = ProjectTemplate::parse(&s) {
                prop_assert!(s.trim().is_empty() || s.trim() == t.as_str());
            }
        }
    }
}
