//! Service principals: which ones a Get-MsolServicePrincipal query names, and the rules of a new
//! credential key (New-MsolServicePrincipalCredential), once for every backend.

use chrono::{Duration, NaiveDateTime};
use uuid::Uuid;

use super::fault::{Fault, FaultResult};
use super::model::{
    AddressType, CredentialType, CredentialUsage, ServicePrincipal, ServicePrincipalCredential,
};
use super::requests::{CredentialParams, ServicePrincipalAddress, SetServicePrincipalParams};
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

impl From<&CredentialParams> for CredentialRequest {
    fn from(p: &CredentialParams) -> CredentialRequest {
        CredentialRequest {
            credential_type: p.credential_type,
            usage: p.usage,
            value: p.value.clone(),
            start_date: p.start_date,
            end_date: p.end_date,
        }
    }
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

/// A service principal name as New- and Set-MsolServicePrincipal take it: `appName`,
/// `appName/hostname` or a URL (their documentation), without spaces.
pub fn checked_name(name: &str) -> FaultResult<String> {
    let name = name.trim();
    let valid = !name.is_empty()
        && !name.chars().any(char::is_whitespace)
        && match name.split_once("://") {
            Some((scheme, rest)) => !scheme.is_empty() && !rest.is_empty(),
            None => match name.split_once('/') {
                Some((app, host)) => !app.is_empty() && !host.is_empty() && !host.contains('/'),
                None => true,
            },
        };
    if valid {
        Ok(name.to_string())
    } else {
        Err(Fault::invalid(
            "ServicePrincipalNames",
            format!("'{name}' is not a service principal name. Allowed forms: appName, appName/hostname, a URL."),
        ))
    }
}

/// The reply addresses among `addresses`. Graph keeps only reply URLs for a service principal
/// (servicePrincipal `replyUrls`), so any other address type is refused rather than dropped.
pub fn reply_addresses(addresses: &[ServicePrincipalAddress]) -> FaultResult<Vec<String>> {
    addresses
        .iter()
        .map(|a| {
            let kind = a.address_type.unwrap_or(AddressType::Reply);
            if kind != AddressType::Reply {
                return Err(Fault::invalid_choice(
                    "Addresses",
                    format!("{kind:?} addresses have no counterpart: a service principal keeps reply addresses only (Microsoft Graph's replyUrls)."),
                    &["Reply"],
                ));
            }
            let address = a.address.trim();
            if address.is_empty() {
                return Err(Fault::invalid("Addresses", "an address is empty."));
            }
            Ok(address.to_string())
        })
        .collect()
}

/// The names a service principal holds: the given ones, and always its application id, once
/// each in any case. None may be another service principal's: "An SPN must be unique per company
/// tenant".
pub fn names_with_app_id(
    given: &[String],
    app_id: Uuid,
    others: &[ServicePrincipal],
) -> FaultResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for name in given {
        let name = checked_name(name)?;
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
    }
    let app = app_id.to_string();
    if !names.iter().any(|n| n.eq_ignore_ascii_case(&app)) {
        names.push(app);
    }
    for name in &names {
        if let Some(holder) = others.iter().find(|o| {
            o.service_principal_names
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name))
        }) {
            return Err(Fault::NotUnique {
                field: "ServicePrincipalNames".to_string(),
                reason: format!(
                    "{name} is already a name of {} ({}).",
                    holder.display_name, holder.object_id
                ),
            });
        }
    }
    Ok(names)
}

/// A new service principal's display name: required, not blank.
pub fn checked_display_name(name: &str) -> FaultResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Fault::Required {
            field: "DisplayName".to_string(),
            reason: "A service principal needs a display name.".to_string(),
        });
    }
    Ok(name.to_string())
}

/// What Set-MsolServicePrincipal makes of `before`, and which properties really change.
pub fn changed(
    before: &ServicePrincipal,
    p: &SetServicePrincipalParams,
    others: &[ServicePrincipal],
) -> FaultResult<(ServicePrincipal, Vec<&'static str>)> {
    let mut after = before.clone();
    let mut changed = Vec::new();
    if let Some(name) = &p.display_name {
        after.display_name = checked_display_name(name)?;
    }
    if let Some(names) = &p.service_principal_names {
        after.service_principal_names = names_with_app_id(names, before.app_principal_id, others)?;
    }
    if let Some(addresses) = &p.addresses {
        after.addresses = reply_addresses(addresses)?;
    }
    if let Some(enabled) = p.account_enabled {
        after.account_enabled = enabled;
    }
    let same_names = |a: &[String], b: &[String]| {
        a.len() == b.len()
            && a.iter()
                .all(|x| b.iter().any(|y| y.eq_ignore_ascii_case(x)))
    };
    if after.display_name != before.display_name {
        changed.push("DisplayName");
    }
    if !same_names(
        &after.service_principal_names,
        &before.service_principal_names,
    ) {
        changed.push("ServicePrincipalNames");
    } else {
        after.service_principal_names = before.service_principal_names.clone();
    }
    if after.addresses != before.addresses {
        changed.push("Addresses");
    }
    if after.account_enabled != before.account_enabled {
        changed.push("AccountEnabled");
    }
    Ok((after, changed))
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

    fn principal(names: &[&str]) -> ServicePrincipal {
        serde_json::from_value(serde_json::json!({
            "ObjectId": Uuid::new_v4(),
            "AppPrincipalId": Uuid::new_v4(),
            "DisplayName": "Other",
            "ServicePrincipalNames": names,
        }))
        .unwrap()
    }

    #[test]
    fn names_take_the_documented_forms_and_the_app_id_once() {
        for good in ["MyApp", "MyApp/myapp.com", "https://myapp.com/wsfed"] {
            assert!(checked_name(good).is_ok(), "{good}");
        }
        for bad in ["", "My App", "MyApp/", "/host", "a/b/c"] {
            assert!(checked_name(bad).is_err(), "{bad}");
        }
        let app = Uuid::new_v4();
        let names =
            names_with_app_id(&["MyApp/a.com".into(), "myapp/A.COM".into()], app, &[]).unwrap();
        assert_eq!(names, ["MyApp/a.com".to_string(), app.to_string()]);
        let taken =
            names_with_app_id(&["Shared/x".into()], app, &[principal(&["shared/X"])]).unwrap_err();
        assert_eq!(taken.code(), "UniquenessValidationException");
    }

    #[test]
    fn only_reply_addresses_are_kept_and_others_are_refused() {
        let reply = ServicePrincipalAddress {
            address: " https://a.com ".into(),
            address_type: None,
        };
        assert_eq!(reply_addresses(&[reply]).unwrap(), ["https://a.com"]);
        let realm = ServicePrincipalAddress {
            address: "urn:x".into(),
            address_type: Some(AddressType::Realm),
        };
        let refused = reply_addresses(&[realm]).unwrap_err().to_string();
        assert!(refused.contains("Reply"), "{refused}");
    }

    #[test]
    fn a_change_reports_only_what_differs_and_an_empty_name_list_keeps_the_app_id() {
        let before = principal(&["MyApp/a.com"]);
        let mut before = before;
        before
            .service_principal_names
            .push(before.app_principal_id.to_string());
        let same = SetServicePrincipalParams {
            display_name: Some("Other".into()),
            service_principal_names: Some(vec!["myapp/A.com".into()]),
            ..SetServicePrincipalParams::default()
        };
        assert!(changed(&before, &same, &[]).unwrap().1.is_empty());
        let cleared = SetServicePrincipalParams {
            service_principal_names: Some(Vec::new()),
            addresses: Some(Vec::new()),
            ..SetServicePrincipalParams::default()
        };
        let (after, what) = changed(&before, &cleared, &[]).unwrap();
        assert_eq!(what, ["ServicePrincipalNames"]);
        assert_eq!(
            after.service_principal_names,
            [before.app_principal_id.to_string()]
        );
    }
}
