//! Set-MsolCompanySettings' rules, once for every backend: which company-wide settings a request
//! changes. On Graph they are the tenant's authorizationPolicy (graph/api/resources/
//! authorizationpolicy), except DefaultUsageLocation, which Graph does not have.

use super::country::is_usage_location;
use super::fault::{Fault, FaultResult};
use super::model::CompanyInformation;
use super::requests::{CompanyContacts, SetCompanySettingsParams};
use super::text::looks_like_email;

/// Applies the request to `company`; answers the settings that really changed (MSOnline's
/// parameter names), in a fixed order. A usage location must be a two-letter country code; an
/// empty one clears it. Nothing changes when a value is refused.
pub fn apply_settings(
    company: &mut CompanyInformation,
    p: &SetCompanySettingsParams,
) -> FaultResult<Vec<&'static str>> {
    let location = match p.default_usage_location.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(code) => {
            let code = code.to_ascii_uppercase();
            if !is_usage_location(&code) {
                return Err(Fault::invalid(
                    "DefaultUsageLocation",
                    format!("'{code}' is not a two-letter country code (ISO 3166-1 alpha-2), such as US, GB or DE."),
                ));
            }
            Some(Some(code))
        }
    };
    let mut changed = Vec::new();
    let mut flag = |name: &'static str, current: &mut Option<bool>, wanted: Option<bool>| {
        if let Some(wanted) = wanted {
            if *current != Some(wanted) {
                *current = Some(wanted);
                changed.push(name);
            }
        }
    };
    flag(
        "SelfServePasswordResetEnabled",
        &mut company.self_serve_password_reset_enabled,
        p.self_serve_password_reset_enabled,
    );
    flag(
        "UsersPermissionToCreateGroupsEnabled",
        &mut company.users_permission_to_create_groups_enabled,
        p.users_permission_to_create_groups_enabled,
    );
    flag(
        "UsersPermissionToCreateLOBAppsEnabled",
        &mut company.users_permission_to_create_lob_apps_enabled,
        p.users_permission_to_create_lob_apps_enabled,
    );
    flag(
        "UsersPermissionToReadOtherUsersEnabled",
        &mut company.users_permission_to_read_other_users_enabled,
        p.users_permission_to_read_other_users_enabled,
    );
    flag(
        "UsersPermissionToUserConsentToAppEnabled",
        &mut company.users_permission_to_user_consent_to_app_enabled,
        p.users_permission_to_user_consent_to_app_enabled,
    );
    flag(
        "AllowAdHocSubscriptions",
        &mut company.allow_ad_hoc_subscriptions,
        p.allow_ad_hoc_subscriptions,
    );
    flag(
        "AllowEmailVerifiedUsers",
        &mut company.allow_email_verified_users,
        p.allow_email_verified_users,
    );
    if let Some(location) = location {
        if company.default_usage_location != location {
            company.default_usage_location = location;
            changed.push("DefaultUsageLocation");
        }
    }
    Ok(changed)
}

/// Applies Set-MsolCompanyContactInformation's or Set-MsolCompanySecurityComplianceContactInformation's
/// lists to `company` (each given list replaces the old one; an empty list clears it); answers
/// what really changed, in MSOnline's property names. Addresses must look like email addresses;
/// nothing changes when one does not.
pub fn apply_contacts(
    company: &mut CompanyInformation,
    contacts: &CompanyContacts,
) -> FaultResult<Vec<&'static str>> {
    let emails = |field: &str, list: &Option<Vec<String>>| -> FaultResult<Option<Vec<String>>> {
        let Some(list) = list else { return Ok(None) };
        let trimmed: Vec<String> = list
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        if let Some(bad) = trimmed.iter().find(|a| !looks_like_email(a)) {
            return Err(Fault::invalid(
                field,
                format!("'{bad}' is not an email address."),
            ));
        }
        Ok(Some(trimmed))
    };
    let technical = emails(
        "TechnicalNotificationEmails",
        &contacts.technical_notification_emails,
    )?;
    let marketing = emails(
        "MarketingNotificationEmails",
        &contacts.marketing_notification_emails,
    )?;
    let security = emails(
        "SecurityComplianceNotificationEmails",
        &contacts.security_compliance_notification_emails,
    )?;
    let phones = contacts
        .security_compliance_notification_phones
        .as_ref()
        .map(|list| {
            list.iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        });
    let mut changed = Vec::new();
    let mut set = |name: &'static str, current: &mut Vec<String>, wanted: Option<Vec<String>>| {
        if let Some(wanted) = wanted {
            if *current != wanted {
                *current = wanted;
                changed.push(name);
            }
        }
    };
    set(
        "TechnicalNotificationEmails",
        &mut company.technical_notification_emails,
        technical,
    );
    set(
        "MarketingNotificationEmails",
        &mut company.marketing_notification_emails,
        marketing,
    );
    set(
        "SecurityComplianceNotificationEmails",
        &mut company.security_compliance_notification_emails,
        security,
    );
    set(
        "SecurityComplianceNotificationPhones",
        &mut company.security_compliance_notification_phones,
        phones,
    );
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Timestamp;
    use crate::tenant::new_tenant;

    fn company() -> CompanyInformation {
        new_tenant(
            "Contoso",
            "contoso.onmicrosoft.com",
            uuid::Uuid::new_v4(),
            Timestamp::now(),
        )
        .unwrap()
        .company
    }

    #[test]
    fn only_real_changes_are_reported() {
        let mut c = company();
        let p = SetCompanySettingsParams {
            self_serve_password_reset_enabled: Some(true),
            users_permission_to_create_groups_enabled: Some(true),
            default_usage_location: Some("gb".into()),
            ..Default::default()
        };
        assert_eq!(
            apply_settings(&mut c, &p).unwrap(),
            ["SelfServePasswordResetEnabled", "DefaultUsageLocation"]
        );
        assert_eq!(c.default_usage_location.as_deref(), Some("GB"));
        assert!(apply_settings(&mut c, &p).unwrap().is_empty());
    }

    #[test]
    fn a_bad_usage_location_changes_nothing() {
        let mut c = company();
        let before = c.clone();
        let p = SetCompanySettingsParams {
            allow_ad_hoc_subscriptions: Some(false),
            default_usage_location: Some("UK".into()),
            ..Default::default()
        };
        let refused = apply_settings(&mut c, &p).unwrap_err();
        assert_eq!(refused.field(), Some("DefaultUsageLocation"));
        assert_eq!(c, before);
    }
}
