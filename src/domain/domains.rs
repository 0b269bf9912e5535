//! The company's domains: which domain a request may act on, adding and verifying domains
//! (New-MsolDomain, Get-MsolDomainVerificationDns, Confirm-MsolDomain) and the rules of a
//! domain's password policy (Get-, Set-MsolPasswordPolicy), once for every backend.
//!
//! Get-MsolPasswordPolicy's documentation: "If you specify a domain name, it must be a verified
//! domain for the company"; Graph's domain-update: "Only verified domains can be updated". A null
//! value means the service default (90 days valid, notice 14 days before).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{
    Domain, DomainAuthenticationType, DomainCapability, DomainRecord, DomainStatus,
    DomainVerificationMethod, PasswordPolicy,
};
use super::requests::DomainVerificationMode;

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
    let domain = named(domains, name)?;
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

/// The time to live Microsoft gives verification records (graph/api/domain-list-
/// verificationdnsrecords' example: 3600).
pub const VERIFICATION_TTL: i32 = 3600;
/// The preference of the verification MX record: the lowest priority, so mail never goes there.
pub const VERIFICATION_MX_PREFERENCE: i32 = 32767;

/// A domain New-MsolDomain may add: a well-formed fully qualified name the tenant does not hold
/// yet, outside Microsoft's own `onmicrosoft.com`, with managed authentication (federation is set
/// up with the federation cmdlets, and Graph's create takes the name only: graph/api/
/// domain-post-domains). Under a verified domain of the tenant it is verified at once, as Entra
/// verifies subdomains of a verified root (same page).
pub fn new_domain(
    name: Option<&str>,
    authentication: Option<DomainAuthenticationType>,
    verification_method: Option<DomainVerificationMethod>,
    existing: &[Domain],
) -> FaultResult<Domain> {
    let name = name.map(str::trim).unwrap_or_default().to_ascii_lowercase();
    if name.is_empty() {
        return Err(Fault::Required {
            field: "Name".into(),
            reason: "give the fully qualified domain name to add, such as contoso.com.".into(),
        });
    }
    let labels: Vec<&str> = name.split('.').collect();
    let well_formed = name.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    if !well_formed {
        return Err(Fault::invalid(
            "Name",
            format!("'{name}' is not a fully qualified domain name (labels of letters, digits and hyphens, separated by dots, such as contoso.com)."),
        ));
    }
    if name.ends_with(".onmicrosoft.com") {
        return Err(Fault::invalid(
            "Name",
            format!("{name} is a Microsoft domain: only the tenant's initial onmicrosoft.com domain exists there, and it cannot be added."),
        ));
    }
    if existing.iter().any(|d| d.name.eq_ignore_ascii_case(&name)) {
        return Err(Fault::ObjectAlreadyExists(format!(
            "The domain {name} is already one of the company's domains."
        )));
    }
    if authentication == Some(DomainAuthenticationType::Federated) {
        return Err(Fault::invalid_choice(
            "Authentication",
            "a domain is added managed, then federated once verified (its federation settings come from the federation server).",
            &["Managed"],
        ));
    }
    if verification_method.is_some_and(|m| m != DomainVerificationMethod::DnsRecord) {
        return Err(Fault::invalid_choice(
            "VerificationMethod",
            "domains are verified by a DNS record (Get-MsolDomainVerificationDns).",
            &["DnsRecord"],
        ));
    }
    let root = verified_root(&name, existing);
    Ok(Domain {
        name,
        status: if root.is_some() {
            DomainStatus::Verified
        } else {
            DomainStatus::Unverified
        },
        authentication: DomainAuthenticationType::Managed,
        capabilities: Vec::new(),
        is_default: false,
        is_initial: false,
        root_domain: root,
        verification_method: DomainVerificationMethod::DnsRecord,
    })
}

/// Whether `name` is a subdomain of `parent` (`sales.contoso.com` of `contoso.com`), in any case.
fn is_subdomain_of(name: &str, parent: &str) -> bool {
    name.to_ascii_lowercase()
        .ends_with(&format!(".{}", parent.to_ascii_lowercase()))
}

/// The closest verified domain of the tenant that `name` is a subdomain of.
pub fn verified_root(name: &str, domains: &[Domain]) -> Option<String> {
    domains
        .iter()
        .filter(|d| d.status == DomainStatus::Verified && is_subdomain_of(name, &d.name))
        .max_by_key(|d| d.name.len())
        .map(|d| d.name.clone())
}

/// The domain a verification cmdlet names: one of the company's (`DomainNotFound` otherwise).
pub fn named<'a>(domains: &'a [Domain], name: &str) -> FaultResult<&'a Domain> {
    domains
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Fault::DomainNotFound(name.trim().to_string()))
}

/// The local tenant's verification value for a domain: `ms` and eight digits, as Microsoft's look
/// (`MS=ms12345678`), the same every time for the same tenant and domain (FNV-1a of both; it is
/// proof of control over DNS, not a secret).
pub fn verification_code(tenant: Uuid, domain: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in tenant
        .as_bytes()
        .iter()
        .copied()
        .chain(domain.trim().to_ascii_lowercase().bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("ms{:08}", hash % 100_000_000)
}

/// The two records that prove control of `domain` with verification value `code`: the TXT
/// record `MS=<code>` and the MX record `<code>.msv1.invalid` (which can receive no mail).
pub fn verification_records(domain: &str, code: &str) -> Vec<DomainRecord> {
    let record = |text: Option<String>, mail_exchange: Option<String>, preference| DomainRecord {
        object_id: None,
        label: domain.to_string(),
        ttl: VERIFICATION_TTL,
        is_optional: false,
        capability: DomainCapability::None,
        text,
        mail_exchange,
        preference,
    };
    vec![
        record(Some(format!("MS={code}")), None, None),
        record(
            None,
            Some(format!("{code}.msv1.invalid")),
            Some(VERIFICATION_MX_PREFERENCE),
        ),
    ]
}

/// The record of the kind `mode` asks for. *Choice*: without `-Mode` the MX record, as
/// MSOnline's transcripts show (MailExchange and Preference).
pub fn record_for_mode(
    records: Vec<DomainRecord>,
    mode: Option<DomainVerificationMode>,
) -> FaultResult<DomainRecord> {
    let want_txt = mode == Some(DomainVerificationMode::DnsTxtRecord);
    records
        .into_iter()
        .find(|r| r.text.is_some() == want_txt)
        .ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "the service answered no verification record of that kind"
            ))
        })
}

/// What the public DNS answers for a domain, as a local tenant's rehearsals see it (the tenant
/// file's `PublishedDnsRecords`): the records an admin published at the domain's DNS host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PublishedDnsRecord {
    pub domain: String,
    #[serde(rename = "Type")]
    pub record_type: DnsRecordType,
    /// A TXT record's text, or an MX record's mail exchange.
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DnsRecordType {
    #[serde(rename = "TXT")]
    Txt,
    #[serde(rename = "MX")]
    Mx,
}

/// Whether one of the published records proves control of `domain`: its verification TXT or MX
/// record, at the domain's own name.
pub fn is_proven(domain: &str, code: &str, published: &[PublishedDnsRecord]) -> bool {
    let records = verification_records(domain, code);
    published
        .iter()
        .filter(|p| p.domain.trim().eq_ignore_ascii_case(domain))
        .any(|p| {
            records.iter().any(|r| match p.record_type {
                DnsRecordType::Txt => r.text.as_deref() == Some(p.value.trim()),
                DnsRecordType::Mx => r
                    .mail_exchange
                    .as_deref()
                    .is_some_and(|m| m.eq_ignore_ascii_case(p.value.trim().trim_end_matches('.'))),
            })
        })
}

/// Confirm-MsolDomain's refusal when no record proves control.
pub fn not_proven(domain: &str, code: &str) -> Fault {
    Fault::DomainVerificationFailed(format!(
        "{domain} could not be verified: publish the TXT record MS={code} or the MX record {code}.msv1.invalid at {domain} (Get-MsolDomainVerificationDns shows them), then try again; DNS changes can take up to an hour to be seen."
    ))
}

/// Set-MsolDomain -IsDefault: the verified domain to make the default; `None` when it is already.
/// A domain stops being the default only when another becomes it, so `-IsDefault:$false` on the
/// default domain is refused.
pub fn new_default<'a>(
    domains: &'a [Domain],
    name: &str,
    is_default: bool,
) -> FaultResult<Option<&'a Domain>> {
    let domain = named(domains, name)?;
    if !is_default {
        if domain.is_default {
            return Err(Fault::invalid(
                "IsDefault",
                format!(
                    "{} is the default domain: make another verified domain the default instead.",
                    domain.name
                ),
            ));
        }
        return Ok(None);
    }
    let domain = verified(domains, name, "being the default")?;
    Ok((!domain.is_default).then_some(domain))
}

/// The domain Remove-MsolDomain may remove: one of the company's, neither its initial domain
/// (which stays with the tenant) nor its default, and without subdomains of its own in the
/// tenant (*choice*: they go first, as in the admin center).
pub fn removable<'a>(domains: &'a [Domain], name: &str) -> FaultResult<&'a Domain> {
    let domain = named(domains, name)?;
    if domain.is_initial {
        return Err(Fault::invalid(
            "DomainName",
            format!(
                "{} is the tenant's initial domain, which cannot be removed.",
                domain.name
            ),
        ));
    }
    if domain.is_default {
        return Err(Fault::invalid(
            "DomainName",
            format!("{} is the default domain: make another domain the default first (Set-MsolDomain -IsDefault).", domain.name),
        ));
    }
    if let Some(sub) = domains
        .iter()
        .find(|d| is_subdomain_of(&d.name, &domain.name))
    {
        return Err(Fault::invalid(
            "DomainName",
            format!(
                "{} has the subdomain {}: remove it first.",
                domain.name, sub.name
            ),
        ));
    }
    Ok(domain)
}

/// MSOnline's refusal to remove a domain that objects still use (their user principal names or
/// addresses), naming some of them.
pub fn in_use(domain: &str, objects: &[String]) -> Fault {
    let shown: Vec<&str> = objects.iter().take(5).map(String::as_str).collect();
    Fault::DomainInUse(format!(
        "Unable to remove this domain. Use Get-MsolUser -DomainName {domain} to retrieve a list of objects that are blocking removal ({}{}).",
        shown.join(", "),
        if objects.len() > shown.len() { format!(" and {} more", objects.len() - shown.len()) } else { String::new() }
    ))
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

    #[test]
    fn new_domains_are_checked_and_subdomains_of_verified_ones_verified() {
        let mut contoso = domain("contoso.com", DomainStatus::Verified);
        contoso.is_default = true;
        let existing = [contoso];
        let sub = new_domain(Some(" Sales.Contoso.com "), None, None, &existing).unwrap();
        assert_eq!(sub.name, "sales.contoso.com");
        assert_eq!(sub.status, DomainStatus::Verified);
        assert_eq!(sub.root_domain.as_deref(), Some("contoso.com"));
        let other = new_domain(Some("litware.com"), None, None, &existing).unwrap();
        assert_eq!(other.status, DomainStatus::Unverified);
        for bad in [
            "litware",
            "-x.com",
            "a..com",
            "x.onmicrosoft.com",
            "contoso.com",
            "x.123",
        ] {
            assert!(
                new_domain(Some(bad), None, None, &existing).is_err(),
                "{bad}"
            );
        }
        let federated = new_domain(
            Some("litware.com"),
            Some(DomainAuthenticationType::Federated),
            None,
            &existing,
        )
        .unwrap_err();
        assert_eq!(federated.field(), Some("Authentication"));
    }

    #[test]
    fn the_same_tenant_and_domain_get_the_same_proof() {
        let tenant = Uuid::new_v4();
        let code = verification_code(tenant, "Contoso.com");
        assert_eq!(code, verification_code(tenant, "contoso.com "));
        assert!(code.starts_with("ms") && code.len() == 10);
        let published = [PublishedDnsRecord {
            domain: "contoso.com".into(),
            record_type: DnsRecordType::Mx,
            value: format!("{code}.MSV1.invalid."),
        }];
        assert!(is_proven("contoso.com", &code, &published));
        assert!(!is_proven("fabrikam.com", &code, &published));
    }

    #[test]
    fn only_a_leaf_domain_that_is_neither_initial_nor_default_is_removable() {
        let mut initial = domain("contoso.onmicrosoft.com", DomainStatus::Verified);
        initial.is_initial = true;
        let mut default = domain("contoso.com", DomainStatus::Verified);
        default.is_default = true;
        let domains = [
            initial,
            default,
            domain("fabrikam.com", DomainStatus::Verified),
            domain("eu.fabrikam.com", DomainStatus::Verified),
        ];
        for name in [
            "contoso.onmicrosoft.com",
            "contoso.com",
            "fabrikam.com",
            "x.com",
        ] {
            assert!(removable(&domains, name).is_err(), "{name}");
        }
        assert_eq!(
            removable(&domains, "EU.fabrikam.com").unwrap().name,
            "eu.fabrikam.com"
        );
        assert!(crate::domain::query::address_in(
            "fabrikam.com",
            "smtp:Ana@Fabrikam.com"
        ));
        assert!(!crate::domain::query::address_in(
            "fabrikam.com",
            "ana@eu.fabrikam.com"
        ));
        assert!(new_default(&domains, "contoso.com", true)
            .unwrap()
            .is_none());
        assert!(new_default(&domains, "contoso.com", false).is_err());
        assert_eq!(
            new_default(&domains, "fabrikam.com", true)
                .unwrap()
                .unwrap()
                .name,
            "fabrikam.com"
        );
    }
}
