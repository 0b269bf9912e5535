//! The company's domains: which domain a request may act on, and the rules of a domain's
//! password policy (Get-, Set-MsolPasswordPolicy), once for every backend.
//!
//! Get-MsolPasswordPolicy's documentation: "If you specify a domain name, it must be a verified
//! domain for the company"; Graph's domain-update: "Only verified domains can be updated". A null
//! value means the service default (90 days valid, notice 14 days before).

use super::fault::{Fault, FaultResult};
use super::model::{Domain, DomainStatus, PasswordPolicy};

/// The validity period that makes passwords never expire: Int32's maximum, the value Microsoft's
/// guidance sets (`Update-MgDomain -PasswordValidityPeriodInDays 2147483647`) and Graph's
/// Int32 `passwordValidityPeriodInDays` can hold at most.
pub const NEVER_EXPIRES: u32 = i32::MAX as u32;

/// The ranges the Microsoft 365 admin center offers (admin/manage/set-password-expiration-policy:
/// "Choose a number of days from 14 to 730", "from 1 to 30"). MSOnline's own bounds are
/// UNCONFIRMED; the bridge refuses what the admin center would, so a typo such as
/// `-ValidityPeriod 0` cannot expire every password at once.
pub const VALIDITY_DAYS: std::ops::RangeInclusive<u32> = 14..=730;
pub const NOTIFICATION_DAYS: std::ops::RangeInclusive<u32> = 1..=30;

/// The domain named `name` (any case, spaces trimmed), if it is one of the company's verified
/// domains; `DomainNotFound` if it is not the company's, and a refusal naming the verified
/// domains if it is not verified yet.
pub fn verified<'a>(domains: &'a [Domain], name: &str, purpose: &str) -> FaultResult<&'a Domain> {
    let name = name.trim();
    let domain = domains
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(name))
        .ok_or_else(|| Fault::DomainNotFound(name.to_string()))?;
    if domain.status != DomainStatus::Verified {
        let names: Vec<&str> = domains
            .iter()
            .filter(|d| d.status == DomainStatus::Verified)
            .map(|d| d.name.as_str())
            .collect();
        return Err(Fault::invalid_choice(
            "DomainName",
            format!("{} is not verified yet; {purpose} needs a verified domain (Confirm-MsolDomain verifies it).", domain.name),
            &names,
        ));
    }
    Ok(domain)
}

/// Set-MsolPasswordPolicy's two numbers, checked: the policy to store.
pub fn password_policy(
    validity_period: u32,
    notification_days: u32,
) -> FaultResult<PasswordPolicy> {
    if !VALIDITY_DAYS.contains(&validity_period) && validity_period != NEVER_EXPIRES {
        return Err(Fault::invalid(
            "ValidityPeriod",
            format!(
                "{validity_period} days is outside {}-{} days; {NEVER_EXPIRES} makes passwords never expire.",
                VALIDITY_DAYS.start(),
                VALIDITY_DAYS.end()
            ),
        ));
    }
    if !NOTIFICATION_DAYS.contains(&notification_days) {
        return Err(Fault::invalid(
            "NotificationDays",
            format!(
                "{notification_days} days is outside {}-{} days.",
                NOTIFICATION_DAYS.start(),
                NOTIFICATION_DAYS.end()
            ),
        ));
    }
    if notification_days >= validity_period {
        return Err(Fault::invalid(
            "NotificationDays",
            format!("users are told {notification_days} days before expiry, but passwords are valid for only {validity_period} days."),
        ));
    }
    Ok(PasswordPolicy {
        validity_period: Some(validity_period),
        notification_days: Some(notification_days),
    })
}

/// The properties `after` changes, in MSOnline's names.
pub fn policy_changes(before: &PasswordPolicy, after: &PasswordPolicy) -> Vec<String> {
    let mut changed = Vec::new();
    if before.validity_period != after.validity_period {
        changed.push("ValidityPeriod".to_string());
    }
    if before.notification_days != after.notification_days {
        changed.push("NotificationDays".to_string());
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{DomainAuthenticationType, DomainVerificationMethod};

    fn domain(name: &str, status: DomainStatus) -> Domain {
        Domain {
            name: name.to_string(),
            status,
            authentication: DomainAuthenticationType::Managed,
            capabilities: Vec::new(),
            is_default: false,
            is_initial: false,
            root_domain: None,
            verification_method: DomainVerificationMethod::DnsRecord,
        }
    }

    #[test]
    fn only_the_companys_verified_domains_hold_a_policy() {
        let domains = [
            domain("contoso.com", DomainStatus::Verified),
            domain("fabrikam.com", DomainStatus::Unverified),
        ];
        assert_eq!(
            verified(&domains, " CONTOSO.com ", "x").unwrap().name,
            "contoso.com"
        );
        assert_eq!(
            verified(&domains, "other.com", "x").unwrap_err().code(),
            "DomainNotFoundException"
        );
        let refused = verified(&domains, "fabrikam.com", "a password policy").unwrap_err();
        assert_eq!(refused.field(), Some("DomainName"));
        assert_eq!(refused.allowed(), ["contoso.com"]);
    }

    #[test]
    fn the_numbers_are_checked_and_never_expires_is_allowed() {
        assert_eq!(
            password_policy(90, 14).unwrap(),
            PasswordPolicy {
                validity_period: Some(90),
                notification_days: Some(14)
            }
        );
        assert!(password_policy(NEVER_EXPIRES, 30).is_ok());
        for (validity, notification, field) in [
            (0, 14, "ValidityPeriod"),
            (731, 14, "ValidityPeriod"),
            (90, 0, "NotificationDays"),
            (90, 31, "NotificationDays"),
            (20, 20, "NotificationDays"),
        ] {
            let refused = password_policy(validity, notification).unwrap_err();
            assert_eq!(refused.field(), Some(field), "{validity} {notification}");
        }
        let before = PasswordPolicy::default();
        let after = password_policy(60, 14).unwrap();
        assert_eq!(
            policy_changes(&before, &after),
            ["ValidityPeriod", "NotificationDays"]
        );
        assert!(policy_changes(&after, &after).is_empty());
    }
}
