//! What a string parameter may hold: its longest length, from Microsoft's documentation, and no
//! control characters (they corrupt logs, CSV reports and terminals, and no directory property
//! needs them; a street address may hold line breaks and tabs).
//!
//! Sources:
//! - [G-USER] Microsoft Graph, user resource type (api-reference/v1.0/resources/user.md in
//!   microsoftgraph/microsoft-graph-docs-contrib): "Maximum length is N characters" for city 128,
//!   companyName 64, country 128, department 64, displayName 256, givenName 64, jobTitle 128,
//!   mailNickname 64, mobilePhone 64, postalCode 40, state 128, streetAddress 1024, surname 64;
//!   usageLocation is "a two letter country code (ISO standard 3166)".
//! - [E-UPN] Microsoft Entra, password policies and account restrictions
//!   (entra/identity/authentication/concept-sspr-policy): a user principal name has at most 113
//!   characters, 64 before the "@" and 48 after it; a password at most 256 characters.

use super::fault::{Fault, FaultResult};

/// The longest value a string parameter (or each item of a string-list parameter) takes.
pub fn max_length(property: &str) -> usize {
    match property {
        // [G-USER]
        "DisplayName" => 256,
        "FirstName" | "LastName" | "Department" | "MobilePhone" => 64,
        "Title" | "City" | "State" | "Country" => 128,
        "StreetAddress" => 1024,
        "PostalCode" => 40,
        "UsageLocation" | "DefaultUsageLocation" | "CountryLetterCode" => 2,
        // [E-UPN]
        "UserPrincipalName"
        | "NewUserPrincipalName"
        | "RoleMemberEmailAddress"
        | "EmailAddress"
        | "SignInName" => 113,
        "Password" | "NewPassword" => 256,
        // UNCONFIRMED: Graph documents no limit for businessPhones, faxNumber, officeLocation and
        // otherMails; these follow mobilePhone (64) and jobTitle (128), and addresses the UPN's 113
        // plus room for a longer external domain (256).
        "PhoneNumber" | "Fax" | "AlternateMobilePhones" | "TelephoneNumber" => 64,
        "Office" => 128,
        "AlternateEmailAddresses" | "Email" => 256,
        // The bridge's own paging tokens, which name a position in a listing.
        "PageToken" => 4096,
        // UNCONFIRMED: every other string (search strings, names of roles, SKUs and domains,
        // immutable ids) is held to 1024 characters, longer than any such value Microsoft issues.
        _ => 1024,
    }
}

/// Whether a property may hold line breaks and tabs (nothing else below U+0020, and no DEL).
pub fn allows_line_breaks(property: &str) -> bool {
    property == "StreetAddress"
}

/// The JSON Schema pattern of text without control characters (or with line breaks and tabs).
pub fn printable_pattern(line_breaks: bool) -> &'static str {
    if line_breaks {
        PRINTABLE_MULTILINE
    } else {
        PRINTABLE
    }
}

pub const PRINTABLE: &str = "^[^\\x00-\\x1f\\x7f]*$";
pub const PRINTABLE_MULTILINE: &str = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*$";

/// The first control character in `text` that the property may not hold.
pub fn first_control(text: &str, line_breaks: bool) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_ascii_control() || c == '\u{7f}') && !(line_breaks && matches!(c, '\n' | '\r' | '\t'))
    })
}

/// Whether `address` has an email address's shape: a local part, an "@", and a dotted domain.
pub fn looks_like_email(address: &str) -> bool {
    match address.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// The display name an object needs (New-MsolGroup, New-MsolAdministrativeUnit) and a change may
/// not clear: trimmed, and refused when empty. `what` is the object, as "A group".
pub fn required_display_name(value: &str, what: &str) -> FaultResult<String> {
    let name = value.trim();
    if name.is_empty() {
        return Err(Fault::Required {
            field: "DisplayName".to_string(),
            reason: format!("{what} needs a display name."),
        });
    }
    Ok(name.to_string())
}

/// An optional text: trimmed, and an empty value clears it.
pub fn optional_text(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_and_the_finder_agree() {
        let printable = regex_lite(PRINTABLE);
        let multiline = regex_lite(PRINTABLE_MULTILINE);
        for text in [
            "plain",
            "Ünïcödé – text",
            "a\nb",
            "tab\there",
            "esc\u{1b}[31m",
            "nul\0",
            "del\u{7f}",
            "\r",
        ] {
            assert_eq!(
                printable(text),
                first_control(text, false).is_none(),
                "{text:?}"
            );
            assert_eq!(
                multiline(text),
                first_control(text, true).is_none(),
                "{text:?}"
            );
        }
    }

    /// The schema patterns, checked with the same engine the validator uses.
    fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
        let validator = jsonschema::validator_for(&serde_json::json!({ "pattern": pattern }))
            .expect("the pattern compiles");
        move |text| validator.is_valid(&serde_json::json!(text))
    }
}
