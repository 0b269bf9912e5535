//! Mail contacts: which ones a listing returns, and in which order.

use super::model::{Contact, ValidationErrorEntry, ValidationStatus};
use super::query::name_or_address_starts_with;

/// Whether `contact` is listed: `-SearchString` matches the start of its display name or email
/// address (Get-MsolContact's documentation), in any case; `-HasErrorsOnly` keeps those with
/// validation errors.
pub fn listed(contact: &Contact, search: Option<&str>, has_errors_only: bool) -> bool {
    (!has_errors_only || !contact.errors.is_empty())
        && name_or_address_starts_with(
            Some(&contact.display_name),
            contact.email_address.as_deref(),
            search,
        )
}

/// Listings go by display name (then ObjectId), whichever backend answers, so that pages follow
/// one another the same way on both.
pub fn sort(contacts: &mut [Contact]) {
    contacts.sort_by(|a, b| {
        (a.display_name.to_lowercase(), a.object_id)
            .cmp(&(b.display_name.to_lowercase(), b.object_id))
    });
}

/// An object's ValidationStatus: `Error` while an error is unresolved.
pub fn validation_status(errors: &[ValidationErrorEntry]) -> ValidationStatus {
    if errors.iter().any(|e| !e.resolved) {
        ValidationStatus::Error
    } else {
        ValidationStatus::Healthy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Timestamp;
    use uuid::Uuid;

    fn contact(name: &str, mail: Option<&str>) -> Contact {
        serde_json::from_value(serde_json::json!({
            "ObjectId": Uuid::new_v4(),
            "DisplayName": name,
            "EmailAddress": mail,
        }))
        .unwrap()
    }

    #[test]
    fn search_matches_the_start_of_the_name_or_address() {
        let c = contact("Ana Fabrikam", Some("ana@fabrikam.com"));
        assert!(listed(&c, Some("ana f"), false));
        assert!(listed(&c, Some("ANA@"), false));
        assert!(!listed(&c, Some("fabrikam"), false));
        assert!(listed(&c, None, false));
    }

    #[test]
    fn errors_only_keeps_contacts_with_errors() {
        let mut c = contact("Ana", None);
        assert!(!listed(&c, None, true));
        c.errors.push(ValidationErrorEntry {
            error_detail: "x".into(),
            resolved: false,
            service_instance: "exchange/namprd01-001-01".into(),
            timestamp: Timestamp::now(),
        });
        assert!(listed(&c, None, true));
        assert_eq!(validation_status(&c.errors), ValidationStatus::Error);
    }

    #[test]
    fn listings_go_by_display_name_in_any_case() {
        let mut all = vec![contact("b", None), contact("A", None), contact("c", None)];
        sort(&mut all);
        let names: Vec<&str> = all.iter().map(|c| c.display_name.as_str()).collect();
        assert_eq!(names, ["A", "b", "c"]);
    }
}
