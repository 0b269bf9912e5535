//! Federated domains: the handlers. Domains belong to the company family; federation has a file
//! of its own here because its four cmdlets share their rules.
#![allow(non_snake_case)]

use super::*;
use crate::domain::domain_federation as federation;
use crate::domain::model::{DomainAuthenticationType, DomainFederationSettings};

pub async fn GetDomainFederationSettings(
    p: GetDomainFederationSettingsParams,
    directory: &dyn Directory,
) -> FaultResult<DomainFederationSettings> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let domain = domains::named(&known, &p.domain_name)?;
    federation::check_federated(domain)?;
    directory.domain_federation(&domain.name).await
}

pub async fn SetDomainFederationSettings(
    p: SetDomainFederationSettingsParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let domain = domains::named(&known, &p.domain_name)?;
    federation::check_federated(domain)?;
    change_settings(directory, &domain.name, &p.settings).await
}

/// A federated domain's settings changed as given; only real changes are written.
async fn change_settings(
    directory: &dyn Directory,
    domain: &str,
    given: &FederationSettingsParams,
) -> FaultResult<Outcome> {
    let mut settings = directory.domain_federation(domain).await?;
    let changed = federation::apply(&mut settings, given)?;
    if changed.is_empty() {
        return Ok(Outcome::unnamed(Vec::<String>::new()));
    }
    federation::check_complete(&settings)?;
    directory
        .set_domain_federation(domain, settings, changed)
        .await
}

pub async fn SetDomainAuthentication(
    p: SetDomainAuthenticationParams,
    directory: &dyn Directory,
) -> FaultResult<Outcome> {
    check_tenant(p.tenant_id, directory).await?;
    let known = directory.domains().await?;
    let domain = domains::named(&known, &p.domain_name)?;
    federation::check_federatable(domain)?;
    let federated = domain.authentication == DomainAuthenticationType::Federated;
    match p.authentication {
        DomainAuthenticationType::Managed => {
            if let Some(given) = federation::any_given(&p.settings) {
                return Err(Fault::invalid(
                    given,
                    "Federation settings go with -Authentication Federated.",
                ));
            }
            if !federated {
                return Ok(Outcome::unnamed(Vec::<String>::new()));
            }
            directory
                .set_domain_authentication(&domain.name, None)
                .await
        }
        // Already federated: the settings given change, as Set-MsolDomainFederationSettings.
        DomainAuthenticationType::Federated if federated => {
            change_settings(directory, &domain.name, &p.settings).await
        }
        DomainAuthenticationType::Federated => {
            let mut settings = DomainFederationSettings::default();
            federation::apply(&mut settings, &p.settings)?;
            federation::check_complete(&settings)?;
            directory
                .set_domain_authentication(&domain.name, Some(settings))
                .await
        }
    }
}

/// A new password for a user whose domain was federated and is managed now; a generated one is
/// answered, and either must be changed at the next sign-in, as for a temporary password.
pub async fn ConvertFederatedUser(
    p: ConvertFederatedUserParams,
    directory: &dyn Directory,
) -> FaultResult<PasswordAnswer> {
    check_tenant(p.tenant_id, directory).await?;
    let user = directory
        .get_user(&UserRef::by_upn(p.user_principal_name.clone()), false)
        .await?;
    let suffix = user
        .user_principal_name
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_default();
    let known = directory.domains().await?;
    if let Ok(domain) = domains::named(&known, &suffix) {
        if domain.authentication == DomainAuthenticationType::Federated {
            return Err(Fault::invalid(
                "UserPrincipalName",
                format!("{} is still federated, so its users sign in at its identity provider; make it managed first (Set-MsolDomainAuthentication -DomainName {} -Authentication Managed).", domain.name, domain.name),
            ));
        }
    }
    let request = SetUserPasswordParams {
        user_principal_name: Some(user.user_principal_name.clone()),
        new_password: p.new_password.clone(),
        force_change_password: Some(true),
        ..SetUserPasswordParams::default()
    };
    Ok(PasswordAnswer {
        password: directory.set_user_password(request).await?,
    })
}
