//! Federated domains' rules, once for every backend: which domains can be federated, what the
//! federation settings may hold, and which of MSOnline's settings Microsoft Entra ID keeps no more.
//!
//! Source: graph/api/resources/internaldomainfederation (its properties and their MSOnline names;
//! federatedIdpMfaBehavior "is an evolved version of the SupportsMfa property").

use super::fault::{Fault, FaultResult};
use super::model::{Domain, DomainAuthenticationType, DomainFederationSettings, DomainStatus};
use super::requests::FederationSettingsParams;
use super::text::optional_text;

/// Refuses a domain that cannot be federated: an unverified one, or the tenant's initial
/// onmicrosoft.com domain.
pub fn check_federatable(domain: &Domain) -> FaultResult<()> {
    if domain.status != DomainStatus::Verified {
        return Err(Fault::invalid(
            "DomainName",
            format!(
                "{} is not verified; verify it (Confirm-MsolDomain) before federating it.",
                domain.name
            ),
        ));
    }
    if domain
        .name
        .to_ascii_lowercase()
        .ends_with(".onmicrosoft.com")
    {
        return Err(Fault::invalid(
            "DomainName",
            format!(
                "{} is the tenant's initial domain, which is always managed.",
                domain.name
            ),
        ));
    }
    Ok(())
}

/// Refuses a domain that is not federated, for the cmdlets that need one.
pub fn check_federated(domain: &Domain) -> FaultResult<()> {
    if domain.authentication != DomainAuthenticationType::Federated {
        return Err(Fault::invalid(
            "DomainName",
            format!("{} is a managed domain, with no federation settings; federate it with Set-MsolDomainAuthentication -Authentication Federated.", domain.name),
        ));
    }
    Ok(())
}

/// A signing certificate as Graph takes it: base64 of an X.509 certificate's DER form (which
/// starts with a SEQUENCE).
fn certificate(field: &str, value: &str) -> FaultResult<Option<String>> {
    let Some(text) = optional_text(value) else {
        return Ok(None);
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match msol_encoding::base64::decode(&compact) {
        Some(der) if der.first() == Some(&0x30) && der.len() > 16 => Ok(Some(compact)),
        _ => Err(Fault::invalid(
            field,
            "A signing certificate is the base64 text of an X.509 certificate (the .cer file's content without its BEGIN and END lines).",
        )),
    }
}

/// Applies the given settings; answers the names of those that really changed.
pub fn apply(
    settings: &mut DomainFederationSettings,
    given: &FederationSettingsParams,
) -> FaultResult<Vec<&'static str>> {
    if given.default_interactive_authentication_method.is_some() {
        return Err(Fault::invalid(
            "DefaultInteractiveAuthenticationMethod",
            "Microsoft Entra ID keeps no default interactive authentication method for a federated domain any more (Graph's internalDomainFederation has none); leave it out.",
        ));
    }
    if given.open_id_connect_discovery_endpoint.is_some() {
        return Err(Fault::invalid(
            "OpenIdConnectDiscoveryEndpoint",
            "Microsoft Entra ID keeps no OpenID Connect discovery endpoint for a federated domain (Graph's internalDomainFederation has none); leave it out.",
        ));
    }
    if given.signing_certificate_update_status.is_some() {
        return Err(Fault::NotSettable {
            field: "SigningCertificateUpdateStatus".to_string(),
            reason:
                "The service reports the automatic certificate update's result; it cannot be set."
                    .to_string(),
        });
    }
    let mut changed = Vec::new();
    let mut set = |slot: &mut Option<String>, value: Option<String>, name: &'static str| {
        if *slot != value {
            *slot = value;
            changed.push(name);
        }
    };
    let text = |value: &Option<String>| value.as_deref().map(optional_text);
    if let Some(value) = text(&given.active_log_on_uri) {
        set(&mut settings.active_log_on_uri, value, "ActiveLogOnUri");
    }
    if let Some(value) = text(&given.federation_brand_name) {
        set(
            &mut settings.federation_brand_name,
            value,
            "FederationBrandName",
        );
    }
    if let Some(value) = text(&given.issuer_uri) {
        set(&mut settings.issuer_uri, value, "IssuerUri");
    }
    if let Some(value) = text(&given.log_off_uri) {
        set(&mut settings.log_off_uri, value, "LogOffUri");
    }
    if let Some(value) = text(&given.metadata_exchange_uri) {
        set(
            &mut settings.metadata_exchange_uri,
            value,
            "MetadataExchangeUri",
        );
    }
    if let Some(value) = text(&given.passive_log_on_uri) {
        set(&mut settings.passive_log_on_uri, value, "PassiveLogOnUri");
    }
    if let Some(value) = &given.signing_certificate {
        set(
            &mut settings.signing_certificate,
            certificate("SigningCertificate", value)?,
            "SigningCertificate",
        );
    }
    if let Some(value) = &given.next_signing_certificate {
        set(
            &mut settings.next_signing_certificate,
            certificate("NextSigningCertificate", value)?,
            "NextSigningCertificate",
        );
    }
    if given.preferred_authentication_protocol.is_some()
        && given.preferred_authentication_protocol != settings.preferred_authentication_protocol
    {
        settings.preferred_authentication_protocol = given.preferred_authentication_protocol;
        changed.push("PreferredAuthenticationProtocol");
    }
    if given.prompt_login_behavior.is_some()
        && given.prompt_login_behavior != settings.prompt_login_behavior
    {
        settings.prompt_login_behavior = given.prompt_login_behavior;
        changed.push("PromptLoginBehavior");
    }
    if given.supports_mfa.is_some() && given.supports_mfa != settings.supports_mfa {
        settings.supports_mfa = given.supports_mfa;
        changed.push("SupportsMfa");
    }
    Ok(changed)
}

/// Refuses federation settings a federated domain cannot do without: where users sign in, who
/// issues their tokens, and the certificate that signs them.
pub fn check_complete(settings: &DomainFederationSettings) -> FaultResult<()> {
    for (field, value) in [
        ("IssuerUri", &settings.issuer_uri),
        ("PassiveLogOnUri", &settings.passive_log_on_uri),
        ("SigningCertificate", &settings.signing_certificate),
    ] {
        if value.is_none() {
            return Err(Fault::Required {
                field: field.to_string(),
                reason:
                    "A federated domain needs IssuerUri, PassiveLogOnUri and SigningCertificate."
                        .to_string(),
            });
        }
    }
    Ok(())
}

/// Whether any setting is given (they go with `-Authentication Federated` only).
pub fn any_given(given: &FederationSettingsParams) -> Option<&'static str> {
    [
        ("SigningCertificate", given.signing_certificate.is_some()),
        (
            "NextSigningCertificate",
            given.next_signing_certificate.is_some(),
        ),
        ("LogOffUri", given.log_off_uri.is_some()),
        ("PassiveLogOnUri", given.passive_log_on_uri.is_some()),
        ("ActiveLogOnUri", given.active_log_on_uri.is_some()),
        ("IssuerUri", given.issuer_uri.is_some()),
        ("FederationBrandName", given.federation_brand_name.is_some()),
        ("MetadataExchangeUri", given.metadata_exchange_uri.is_some()),
        (
            "PreferredAuthenticationProtocol",
            given.preferred_authentication_protocol.is_some(),
        ),
        ("SupportsMfa", given.supports_mfa.is_some()),
        ("PromptLoginBehavior", given.prompt_login_behavior.is_some()),
    ]
    .into_iter()
    .find(|(_, set)| *set)
    .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed certificate's DER start, enough for the shape check.
    pub const CERTIFICATE: &str =
        "MIIC8DCCAdigAwIBAgIQc4ZbN+ZHq5tAwDanGvUYNTANBgkqhkiG9w0BAQsFADA0";

    #[test]
    fn settings_change_only_when_different_and_certificates_are_checked() {
        let mut settings = DomainFederationSettings::default();
        let given = FederationSettingsParams {
            issuer_uri: Some(" http://sts.contoso.com/adfs/services/trust ".into()),
            signing_certificate: Some(CERTIFICATE.into()),
            supports_mfa: Some(true),
            ..Default::default()
        };
        assert_eq!(
            apply(&mut settings, &given).unwrap(),
            ["IssuerUri", "SigningCertificate", "SupportsMfa"]
        );
        assert!(apply(&mut settings, &given).unwrap().is_empty());
        assert_eq!(
            check_complete(&settings).unwrap_err().field(),
            Some("PassiveLogOnUri")
        );
        let bad = FederationSettingsParams {
            signing_certificate: Some("not a certificate".into()),
            ..Default::default()
        };
        assert_eq!(
            apply(&mut settings, &bad).unwrap_err().field(),
            Some("SigningCertificate")
        );
        let gone = FederationSettingsParams {
            open_id_connect_discovery_endpoint: Some("https://x".into()),
            ..Default::default()
        };
        assert_eq!(
            apply(&mut settings, &gone).unwrap_err().field(),
            Some("OpenIdConnectDiscoveryEndpoint")
        );
    }
}
