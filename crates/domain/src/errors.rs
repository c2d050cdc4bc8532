//! Validation errors: a field name and a message key from the translation
//! catalogues, so the web layer can show it next to the field in the user's
//! language.

/// One problem with one field of a submitted form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form field's name (a fixed name like `email`, or `q-12` for the
    /// answer to custom question 12).
    pub field: String,
    /// Message id in the Fluent catalogues (e.g. `error-email-invalid`).
    pub code: &'static str,
}

/// The problems found in a form; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            code,
        });
    }

    /// Records the error of `result`, if any, under `field`, and returns the value.
    pub fn check<T>(&mut self, field: impl Into<String>, result: Result<T, &'static str>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// `Ok(value)` when no error was recorded.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() { Ok(value()) } else { Err(self) }
    }
}
