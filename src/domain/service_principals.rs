//! Service principals: which ones a Get-MsolServicePrincipal query names, and the rules of a new
//! credential key (New-MsolServicePrincipalCredential), once for every backend.

use chrono::{Duration, NaiveDateTime};
use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{CredentialType, CredentialUsage, ServicePrincipal, ServicePrincipalCredential};
use super::time::Timestamp;

/// The part of a service principal name before the first slash; a URL has none.
fn app_class(name: &str) -> &str {
    if name.contains("://") {
        return name;
    }
    name.split('/').next().unwrap_or(name)
}

/// Whether `principal` answers `-ServicePrincipalName given`: a name with a slash (or a URL) must
/// equal one of its names; a bare `appClass` matches every name of that class ("an exact match of
/// the appClass portion of the service principal name up to the forward slash", Get-
/// MsolServicePrincipal's documentation). Case-insensitive, as Entra compares names.
pub fn has_name(principal: &ServicePrincipal, given: &str) -> bool {
    let given = given.trim();
    principal.service_principal_names.iter().any(|name| {
        if given.contains('/') {
            name.eq_ignore_ascii_case(given)
        } else {
            app_class(name).eq_ignore_ascii_case(given)
        }
    })
}

/// Whether `principal` answers `-SearchString` (*choice*: its display name starts with it, in any
/// case; MSOnline's documentation says only "a string to match").
pub fn matches_search(principal: &ServicePrincipal, search: Option<&str>) -> bool {
    search.is_none_or(|s| {
        principal
            .display_name
            .to_lowercase()
            .starts_with(&s.trim().to_lowercase())
    })
}

/// New-MsolServicePrincipalCredential's parameters, as given.
#[derive(Clone, Debug, Default)]
pub struct CredentialRequest {
    pub credential_type: Option<CredentialType>,
    pub usage: Option<CredentialUsage>,
    pub value: Option<String>,
    pub start_date: Option<Timestamp>,
    pub end_date: Option<Timestamp>,
}

/// The credential to add to `principal`: MSOnline's defaults (Symmetric, Verify, from now for a
/// year), its rules ("Sign is allowed ONLY for symmetric keys"; a password needs a value; a
/// certificate is a base64 X.509 certificate), and one more: a certificate's key must lie within
/// the certificate's validity, or no token is issued for it (the documentation's warning, which
/// MSOnline left to the admin). Without dates, a certificate's key ends when the certificate does
/// if that is sooner than a year.
pub fn new_credential(
    principal: Uuid,
    request: &CredentialRequest,
    now: Timestamp,
) -> FaultResult<ServicePrincipalCredential> {
    let credential_type = request.credential_type.unwrap_or(CredentialType::Symmetric);
    let usage = request.usage.unwrap_or(CredentialUsage::Verify);
    if usage == CredentialUsage::Sign && credential_type != CredentialType::Symmetric {
        return Err(Fault::invalid_choice(
            "Usage",
            format!(
                "a {credential_type:?} credential can only verify; Sign is for symmetric keys."
            ),
            &["Verify"],
        ));
    }
    let value = request
        .value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    let mut start = request.start_date.unwrap_or(now);
    let mut end = request
        .end_date
        .unwrap_or_else(|| Timestamp::from_datetime(start.datetime() + Duration::days(365)));
    let kept_value = match credential_type {
        CredentialType::Password if value.is_none() => {
            return Err(Fault::Required {
                field: "Value".into(),
                reason: "a Password credential needs the password as its Value.".into(),
            })
        }
        CredentialType::Asymmetric => {
            let value = value.ok_or_else(|| Fault::Required {
                field: "Value".into(),
                reason: "an Asymmetric credential needs the base64-encoded X.509 certificate as its Value.".into(),
            })?;
            let (not_before, not_after) = certificate_validity(value).ok_or_else(|| {
                Fault::invalid(
                    "Value",
                    "is not a base64-encoded X.509 certificate (for example [Convert]::ToBase64String($certificate.GetRawCertData())).",
                )
            })?;
            if request.start_date.is_none() && start < not_before {
                start = not_before;
            }
            if request.end_date.is_none() && end > not_after {
                end = not_after;
            }
            if start < not_before || end > not_after {
                return Err(Fault::invalid(
                    if start < not_before { "StartDate" } else { "EndDate" },
                    format!("the key would be valid from {start} to {end}, but the certificate is valid only from {not_before} to {not_after}; no token is issued outside it."),
                ));
            }
            Some(value.to_string())
        }
        // A secret: used to check the request, never kept.
        CredentialType::Password | CredentialType::Symmetric => None,
    };
    if end <= start {
        return Err(Fault::invalid(
            "EndDate",
            format!("{end} is not after the StartDate {start}."),
        ));
    }
    Ok(ServicePrincipalCredential {
        service_principal_object_id: principal,
        key_id: Uuid::new_v4(),
        credential_type,
        usage,
        start_date: start,
        end_date: end,
        value: kept_value,
    })
}

/// A DER element: its tag, and its contents and what follows it.
fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let count = (first & 0x7f) as usize;
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (length, &rest[count..])
    };
    (rest.len() >= length).then(|| (tag, &rest[..length], &rest[length..]))
}

/// An X.509 certificate's notBefore and notAfter (RFC 5280 4.1: Certificate, TBSCertificate,
/// Validity; UTCTime years 50-99 are 19xx).
fn certificate_validity(base64_der: &str) -> Option<(Timestamp, Timestamp)> {
    let der = msol_encoding::base64::decode(base64_der)?;
    let (0x30, certificate, _) = element(&der)? else {
        return None;
    };
    let (0x30, tbs, _) = element(certificate)? else {
        return None;
    };
    let mut fields = tbs;
    let (tag, _, rest) = element(fields)?;
    fields = if tag == 0xa0 { element(rest)?.2 } else { rest }; // version, then serialNumber
    let (_, _, rest) = element(fields)?; // signature
    let (_, _, rest) = element(rest)?; // issuer
    let (0x30, validity, _) = element(rest)? else {
        return None;
    };
    let (not_before, rest) = der_time(validity)?;
    let (not_after, _) = der_time(rest)?;
    Some((not_before, not_after))
}

/// A UTCTime or GeneralizedTime element, and what follows it.
fn der_time(bytes: &[u8]) -> Option<(Timestamp, &[u8])> {
    let (tag, text, rest) = element(bytes)?;
    let text = std::str::from_utf8(text).ok()?.trim_end_matches('Z');
    let full = match tag {
        0x17 if text.len() == 12 => {
            let year: u32 = text[..2].parse().ok()?;
            format!("{}{text}", if year >= 50 { "19" } else { "20" })
        }
        0x18 if text.len() == 14 => text.to_string(),
        _ => return None,
    };
    let at = NaiveDateTime::parse_from_str(&full, "%Y%m%d%H%M%S").ok()?;
    Some((Timestamp::from_datetime(at.and_utc()), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed certificate valid from 2025-01-01 to 2125-01-01 (tests/fixtures).
    fn certificate() -> String {
        crate::directory::conformance::CERTIFICATE
            .trim()
            .to_string()
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn names_match_by_app_class_or_exactly() {
        let principal = ServicePrincipal {
            object_id: Uuid::new_v4(),
            app_principal_id: Uuid::new_v4(),
            display_name: "Office 365 Exchange Online".into(),
            account_enabled: true,
            service_principal_names: vec![
                "00000002-0000-0ff1-ce00-000000000000/outlook.office365.com".into(),
                "https://outlook.office365.com/".into(),
            ],
            addresses: Vec::new(),
            trusted_for_delegation: false,
        };
        assert!(has_name(&principal, "00000002-0000-0FF1-CE00-000000000000"));
        assert!(has_name(&principal, "https://outlook.office365.com/"));
        assert!(!has_name(
            &principal,
            "00000002-0000-0ff1-ce00-000000000000/other.com"
        ));
        assert!(!has_name(&principal, "https:"));
        assert!(matches_search(&principal, Some("office 365")));
        assert!(!matches_search(&principal, Some("Exchange")));
    }

    #[test]
    fn credentials_follow_msonlines_defaults_and_rules() {
        let now = at("2026-03-01T00:00:00Z");
        let principal = Uuid::new_v4();
        let symmetric = new_credential(principal, &CredentialRequest::default(), now).unwrap();
        assert_eq!(
            (symmetric.credential_type, symmetric.usage),
            (CredentialType::Symmetric, CredentialUsage::Verify)
        );
        assert_eq!(symmetric.end_date, at("2027-03-01T00:00:00Z"));
        assert!(symmetric.value.is_none());
        let password = CredentialRequest {
            credential_type: Some(CredentialType::Password),
            ..Default::default()
        };
        assert_eq!(
            new_credential(principal, &password, now)
                .unwrap_err()
                .field(),
            Some("Value")
        );
        let with_value = CredentialRequest {
            value: Some("Correct-Horse-9".into()),
            ..password
        };
        assert!(
            new_credential(principal, &with_value, now)
                .unwrap()
                .value
                .is_none(),
            "no secret is kept"
        );
        let signing = CredentialRequest {
            usage: Some(CredentialUsage::Sign),
            ..with_value
        };
        assert_eq!(
            new_credential(principal, &signing, now)
                .unwrap_err()
                .field(),
            Some("Usage")
        );
    }

    #[test]
    fn a_certificates_key_lies_within_its_validity() {
        let now = at("2124-03-01T00:00:00Z");
        let principal = Uuid::new_v4();
        let request = CredentialRequest {
            credential_type: Some(CredentialType::Asymmetric),
            value: Some(certificate()),
            ..Default::default()
        };
        let key = new_credential(principal, &request, now).unwrap();
        assert_eq!(key.start_date, now);
        assert_eq!(
            key.end_date,
            at("2125-01-01T00:00:00Z"),
            "ends with the certificate"
        );
        assert_eq!(key.value.as_deref(), Some(certificate().as_str()));
        let late = CredentialRequest {
            end_date: Some(at("2125-06-01T00:00:00Z")),
            ..request.clone()
        };
        let refused = new_credential(principal, &late, now).unwrap_err();
        assert_eq!(refused.field(), Some("EndDate"));
        assert!(refused.to_string().contains("2125-01-01"), "{refused}");
        let garbage = CredentialRequest {
            value: Some("bm90IGEgY2VydGlmaWNhdGU=".into()),
            ..request
        };
        assert_eq!(
            new_credential(principal, &garbage, now)
                .unwrap_err()
                .field(),
            Some("Value")
        );
    }
}
