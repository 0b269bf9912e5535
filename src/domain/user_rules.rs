//! What a `Set-MsolUser` / `New-MsolUser` request does to a user: MSOnline's rules, decided once.
//!
//! `apply_changes` takes the stored user and the request and returns the new user with the names
//! of the properties that really changed. A value equal to the stored one is not a change, so a
//! piped `Get-MsolUser | Set-MsolUser` re-binding thirty properties writes only what differs.

use std::collections::HashSet;

use super::fault::{Fault, FaultResult};
use super::model::{
    MethodType, RequirementState, StrongAuthenticationMethod, StrongAuthenticationRequirement,
    StrongAuthenticationUserDetails, User,
};
use super::phone;
use super::requests::UserChanges;
use super::text::looks_like_email;
use super::time::Timestamp;

/// How far ahead of the bridge's clock `StsRefreshTokensValidFrom` may be (clock skew between machines).
const CLOCK_SKEW_MINUTES: i64 = 5;

pub struct Applied {
    pub user: User,
    pub changed: Vec<&'static str>,
    /// What the admin should know of the change that it did not ask for.
    pub warnings: Vec<String>,
}

/// Said when asking for Enabled (or registering a method for an Enabled user) gives Enforced.
pub const ENFORCED_NOT_ENABLED: &str = "Per-user MFA is Enforced, not Enabled: the user has a registered MFA method, and Microsoft Entra enforces MFA at once for such a user.";

/// Properties that directory synchronization owns: on a synchronized user they change on premises.
fn synchronized_source_owns(field: &str) -> bool {
    matches!(
        field,
        "DisplayName"
            | "FirstName"
            | "LastName"
            | "Title"
            | "Department"
            | "Office"
            | "StreetAddress"
            | "City"
            | "State"
            | "PostalCode"
            | "Country"
            | "PhoneNumber"
            | "MobilePhone"
            | "Fax"
            | "PreferredLanguage"
            | "ImmutableId"
            | "BlockCredential"
            | "UserPrincipalName"
    )
}

struct Change {
    user: User,
    synchronized: bool,
    changed: Vec<&'static str>,
}

impl Change {
    fn allow(&self, field: &'static str) -> FaultResult<()> {
        if self.synchronized && synchronized_source_owns(field) {
            return Err(Fault::NotSettable {
                field: field.to_string(),
                reason: "The user is synchronized from on-premises Active Directory: change it there and let synchronization bring it here.".to_string(),
            });
        }
        Ok(())
    }

    fn text(
        &mut self,
        field: &'static str,
        requested: &Option<String>,
        pick: fn(&mut User) -> &mut Option<String>,
    ) -> FaultResult<()> {
        let Some(requested) = requested else {
            return Ok(());
        };
        let value = match requested.trim() {
            "" => None,
            trimmed => Some(trimmed.to_string()),
        };
        if *pick(&mut self.user) == value {
            return Ok(());
        }
        self.allow(field)?;
        *pick(&mut self.user) = value;
        self.changed.push(field);
        Ok(())
    }

    fn flag(
        &mut self,
        field: &'static str,
        requested: Option<bool>,
        pick: fn(&mut User) -> &mut bool,
    ) -> FaultResult<()> {
        let Some(value) = requested else {
            return Ok(());
        };
        if *pick(&mut self.user) == value {
            return Ok(());
        }
        self.allow(field)?;
        *pick(&mut self.user) = value;
        self.changed.push(field);
        Ok(())
    }

    fn list(
        &mut self,
        field: &'static str,
        requested: &Option<Vec<String>>,
        pick: fn(&mut User) -> &mut Vec<String>,
    ) -> FaultResult<()> {
        let Some(requested) = requested else {
            return Ok(());
        };
        let value: Vec<String> = requested
            .iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect();
        if *pick(&mut self.user) == value {
            return Ok(());
        }
        self.allow(field)?;
        *pick(&mut self.user) = value;
        self.changed.push(field);
        Ok(())
    }

    /// Read-only timestamps: a piped user carries the stored value, which is no change.
    fn read_only_time(
        &mut self,
        field: &'static str,
        requested: Option<Timestamp>,
        stored: Option<Timestamp>,
    ) -> FaultResult<()> {
        match requested {
            Some(value) if Some(value) != stored => Err(Fault::NotSettable {
                field: field.to_string(),
                reason: format!(
                    "{field} is set by the service and cannot be written; it is {}.",
                    describe_time(stored)
                ),
            }),
            _ => Ok(()),
        }
    }
}

fn describe_time(at: Option<Timestamp>) -> String {
    at.map_or_else(|| "not set".to_string(), |t| t.to_string())
}

/// Applies `request` to `current` (for `New-MsolUser`, a fresh user with MSOnline's defaults).
pub fn apply_changes(
    current: &User,
    request: &UserChanges,
    now: Timestamp,
) -> FaultResult<Applied> {
    let mut change = Change {
        user: current.clone(),
        synchronized: current.is_synchronized(),
        changed: Vec::new(),
    };

    if let Some(name) = &request.display_name {
        if name.trim().is_empty() {
            return Err(Fault::invalid(
                "DisplayName",
                "A user must have a display name; it cannot be cleared.",
            ));
        }
        if name.chars().count() > 256 {
            return Err(Fault::invalid(
                "DisplayName",
                "A display name has at most 256 characters.",
            ));
        }
    }
    change.text("DisplayName", &request.display_name, |u| {
        &mut u.display_name
    })?;
    change.text("FirstName", &request.first_name, |u| &mut u.first_name)?;
    change.text("LastName", &request.last_name, |u| &mut u.last_name)?;
    change.text("Title", &request.title, |u| &mut u.title)?;
    change.text("Department", &request.department, |u| &mut u.department)?;
    change.text("Office", &request.office, |u| &mut u.office)?;
    change.text("StreetAddress", &request.street_address, |u| {
        &mut u.street_address
    })?;
    change.text("City", &request.city, |u| &mut u.city)?;
    change.text("State", &request.state, |u| &mut u.state)?;
    change.text("PostalCode", &request.postal_code, |u| &mut u.postal_code)?;
    change.text("Country", &request.country, |u| &mut u.country)?;
    change.text("PhoneNumber", &request.phone_number, |u| {
        &mut u.phone_number
    })?;
    change.text("MobilePhone", &request.mobile_phone, |u| {
        &mut u.mobile_phone
    })?;
    change.text("Fax", &request.fax, |u| &mut u.fax)?;
    change.text("PreferredLanguage", &request.preferred_language, |u| {
        &mut u.preferred_language
    })?;
    change.text(
        "PreferredDataLocation",
        &request.preferred_data_location,
        |u| &mut u.preferred_data_location,
    )?;
    change.text("ImmutableId", &request.immutable_id, |u| {
        &mut u.immutable_id
    })?;

    let usage_location = request
        .usage_location
        .as_ref()
        .map(|code| code.trim().to_ascii_uppercase());
    if let Some(code) = usage_location.as_deref().filter(|c| !c.is_empty()) {
        if !super::country::is_usage_location(code) {
            return Err(Fault::invalid_choice(
                "UsageLocation",
                format!("'{code}' is not a two-letter country code (ISO 3166-1 alpha-2)."),
                super::country::USAGE_LOCATIONS,
            ));
        }
    }
    if usage_location.as_deref() == Some("") && current.is_licensed {
        return Err(Fault::invalid(
            "UsageLocation",
            "A licensed user needs a usage location; remove the licences first (Set-MsolUserLicense -RemoveLicenses).",
        ));
    }
    change.text("UsageLocation", &usage_location, |u| &mut u.usage_location)?;

    if let Some(addresses) = &request.alternate_email_addresses {
        if let Some(bad) = addresses
            .iter()
            .find(|a| !a.trim().is_empty() && !looks_like_email(a.trim()))
        {
            return Err(Fault::invalid(
                "AlternateEmailAddresses",
                format!("'{bad}' is not an email address."),
            ));
        }
    }
    change.list(
        "AlternateEmailAddresses",
        &request.alternate_email_addresses,
        |u| &mut u.alternate_email_addresses,
    )?;
    change.list(
        "AlternateMobilePhones",
        &request.alternate_mobile_phones,
        |u| &mut u.alternate_mobile_phones,
    )?;

    change.flag("BlockCredential", request.block_credential, |u| {
        &mut u.block_credential
    })?;
    change.flag(
        "PasswordNeverExpires",
        request.password_never_expires,
        |u| &mut u.password_never_expires,
    )?;
    change.flag(
        "StrongPasswordRequired",
        request.strong_password_required,
        |u| &mut u.strong_password_required,
    )?;
    if let Some(user_type) = request.user_type {
        if user_type != change.user.user_type {
            change.user.user_type = user_type;
            change.changed.push("UserType");
        }
    }

    change.read_only_time(
        "LastPasswordChangeTimestamp",
        request.last_password_change_timestamp,
        current.last_password_change_timestamp,
    )?;
    change.read_only_time(
        "SoftDeletionTimestamp",
        request.soft_deletion_timestamp,
        current.soft_deletion_timestamp,
    )?;
    if let Some(valid_from) = request.sts_refresh_tokens_valid_from {
        if Some(valid_from) != current.sts_refresh_tokens_valid_from {
            if valid_from.datetime()
                > now.datetime() + chrono::Duration::minutes(CLOCK_SKEW_MINUTES)
            {
                return Err(Fault::invalid(
                    "StsRefreshTokensValidFrom",
                    format!("{valid_from} is in the future; use the current time (Get-Date) to revoke the user's sessions."),
                ));
            }
            change.user.sts_refresh_tokens_valid_from = Some(valid_from);
            change.changed.push("StsRefreshTokensValidFrom");
        }
    }

    if let Some(methods) = &request.strong_authentication_methods {
        apply_methods(&mut change.user, methods, &mut change.changed)?;
    }
    if let Some(requirements) = &request.strong_authentication_requirements {
        apply_requirements(&mut change.user, requirements, now, &mut change.changed)?;
    }
    promote_enabled_with_methods(&mut change.user, &mut change.changed);

    let asked = |state: RequirementState| {
        request
            .strong_authentication_requirements
            .iter()
            .flatten()
            .any(|r| r.state == state)
    };
    let before = current.mfa_state();
    let mut warnings = Vec::new();
    if change.user.mfa_state() == Some(RequirementState::Enforced)
        && before != Some(RequirementState::Enforced)
        && !asked(RequirementState::Enforced)
        && (asked(RequirementState::Enabled) || before == Some(RequirementState::Enabled))
    {
        warnings.push(ENFORCED_NOT_ENABLED.to_string());
    }
    Ok(Applied {
        user: change.user,
        changed: change.changed,
        warnings,
    })
}

/// Replaces the registered methods, enforcing MSOnline's closed set, uniqueness, one default and
/// the phone or app each method needs.
fn apply_methods(
    user: &mut User,
    requested: &[StrongAuthenticationMethod],
    changed: &mut Vec<&'static str>,
) -> FaultResult<()> {
    if requested == user.strong_authentication_methods.as_slice() {
        return Ok(());
    }
    if requested.is_empty() {
        clear_registration(user);
        changed.push("StrongAuthenticationMethods");
        return Ok(());
    }

    let mut seen = HashSet::new();
    for method in requested {
        if !seen.insert(method.method_type) {
            return Err(Fault::NotUnique {
                field: "StrongAuthenticationMethods".to_string(),
                reason: format!(
                    "MethodType {} appears more than once; each method type is registered once.",
                    method.method_type.name()
                ),
            });
        }
    }

    let mut methods = requested.to_vec();
    let defaults = methods.iter().filter(|m| m.is_default).count();
    match (methods.len(), defaults) {
        (1, 0) => methods[0].is_default = true,
        (_, 1) => {}
        (_, count) => {
            return Err(Fault::invalid(
                "StrongAuthenticationMethods.IsDefault",
                format!(
                    "Exactly one method must have IsDefault = $true; {count} of {} have it.",
                    methods.len()
                ),
            ))
        }
    }

    let mut details = user
        .strong_authentication_user_details
        .clone()
        .unwrap_or_default();
    for (index, method) in methods.iter().enumerate() {
        match method.method_type {
            MethodType::OneWaySms | MethodType::TwoWayVoiceMobile => {
                details.phone_number = Some(authentication_phone(
                    method.method_type,
                    "MobilePhone",
                    user.mobile_phone.as_deref(),
                    details.phone_number.as_deref(),
                )?);
            }
            MethodType::TwoWayVoiceOffice => {
                authentication_phone(
                    method.method_type,
                    "PhoneNumber",
                    user.phone_number.as_deref(),
                    None,
                )?;
            }
            MethodType::TwoWayVoiceAlternateMobile => {
                details.alternative_phone_number = Some(authentication_phone(
                    method.method_type,
                    "AlternateMobilePhones",
                    user.alternate_mobile_phones.first().map(String::as_str),
                    details.alternative_phone_number.as_deref(),
                )?);
            }
            MethodType::PhoneAppOtp | MethodType::PhoneAppNotification => {
                let registered = user
                    .strong_authentication_phone_app_details
                    .iter()
                    .any(|app| app.authentication_type.supports(method.method_type));
                if !registered {
                    return Err(Fault::invalid(
                        format!("StrongAuthenticationMethods[{index}].MethodType"),
                        format!(
                            "{} needs a registered Microsoft Authenticator app (StrongAuthenticationPhoneAppDetails), and this user has none that supports it. Only the user can register an app, at https://aka.ms/mfasetup.",
                            method.method_type.name()
                        ),
                    ));
                }
            }
        }
    }

    user.strong_authentication_methods = methods;
    changed.push("StrongAuthenticationMethods");
    let details = (!details.is_empty()).then_some(details);
    if details != user.strong_authentication_user_details {
        user.strong_authentication_user_details = details;
        changed.push("StrongAuthenticationUserDetails");
    }
    Ok(())
}

/// The number a phone method calls: the profile number (normalised), else the number already
/// registered for authentication. Without either the method would lock the user out.
fn authentication_phone(
    method: MethodType,
    property: &str,
    profile: Option<&str>,
    registered: Option<&str>,
) -> FaultResult<String> {
    if let Some(number) = profile.filter(|n| !n.trim().is_empty()) {
        return phone::normalize(number).map_err(|problem| {
            Fault::invalid(
                property,
                format!(
                    "{} calls {property} '{number}', but {}.",
                    method.name(),
                    problem.explain()
                ),
            )
        });
    }
    if let Some(number) = registered {
        return Ok(number.to_string());
    }
    Err(Fault::invalid(
        property,
        format!(
            "{} needs the user's {property}, and the user has none: set {property} in the same call or before, or the user could not complete sign-in.",
            method.name()
        ),
    ))
}

/// Clears every registered method so the user registers again at next sign-in; the per-user MFA
/// requirement stays as it is (`Reset-MsolStrongAuthenticationMethodByUpn`, `-StrongAuthenticationMethods @()`).
pub fn clear_registration(user: &mut User) {
    user.strong_authentication_methods.clear();
    user.strong_authentication_phone_app_details.clear();
    user.strong_authentication_proofup_time = None;
    let email = user
        .strong_authentication_user_details
        .take()
        .and_then(|d| d.email);
    user.strong_authentication_user_details = email.map(|email| StrongAuthenticationUserDetails {
        email: Some(email),
        ..Default::default()
    });
}

fn apply_requirements(
    user: &mut User,
    requested: &[StrongAuthenticationRequirement],
    now: Timestamp,
    changed: &mut Vec<&'static str>,
) -> FaultResult<()> {
    if requested.len() > 1 {
        return Err(Fault::NotUnique {
            field: "StrongAuthenticationRequirements".to_string(),
            reason: format!(
                "A user has at most one requirement (RelyingParty \"*\"); {} were given.",
                requested.len()
            ),
        });
    }
    let Some(wanted) = requested.first() else {
        if !user.strong_authentication_requirements.is_empty() {
            user.strong_authentication_requirements.clear();
            changed.push("StrongAuthenticationRequirements");
        }
        return Ok(());
    };
    if wanted.relying_party != "*" {
        return Err(Fault::invalid_choice(
            "StrongAuthenticationRequirements.RelyingParty",
            format!(
                "'{}' is not a relying party MSOnline knows.",
                wanted.relying_party
            ),
            &["*"],
        ));
    }
    let current = user.strong_authentication_requirements.first().cloned();
    let state = effective_state(wanted.state, user);
    let remember = wanted
        .remember_devices_not_issued_before
        .or_else(|| {
            current
                .as_ref()
                .and_then(|c| c.remember_devices_not_issued_before)
        })
        .or(Some(now));
    let next = StrongAuthenticationRequirement {
        relying_party: "*".to_string(),
        state,
        remember_devices_not_issued_before: remember,
    };
    if current.as_ref() != Some(&next) {
        user.strong_authentication_requirements = vec![next];
        changed.push("StrongAuthenticationRequirements");
    }
    Ok(())
}

/// Enabling a user who has registered a method means Enforced (Graph's documented rule).
fn effective_state(requested: RequirementState, user: &User) -> RequirementState {
    if requested == RequirementState::Enabled && !user.strong_authentication_methods.is_empty() {
        RequirementState::Enforced
    } else {
        requested
    }
}

/// An Enabled user who now has a registered method becomes Enforced.
fn promote_enabled_with_methods(user: &mut User, changed: &mut Vec<&'static str>) {
    let has_methods = !user.strong_authentication_methods.is_empty();
    if let Some(requirement) = user.strong_authentication_requirements.first_mut() {
        if requirement.state == RequirementState::Enabled && has_methods {
            requirement.state = RequirementState::Enforced;
            if !changed.contains(&"StrongAuthenticationRequirements") {
                changed.push("StrongAuthenticationRequirements");
            }
        }
    }
}

/// Characters MSOnline allowed before the `@` of a user principal name.
fn valid_alias_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "'.-_!#^~&".contains(c)
}

/// Checks a user principal name and that its domain is one of the tenant's verified domains.
pub fn check_user_principal_name(
    field: &str,
    upn: &str,
    verified_domains: &[String],
) -> FaultResult<String> {
    let upn = upn.trim();
    let Some((alias, domain)) = upn.split_once('@') else {
        return Err(Fault::invalid(
            field,
            format!("'{upn}' is not alias@domain."),
        ));
    };
    if alias.is_empty()
        || alias.len() > 64
        || alias.starts_with('.')
        || alias.ends_with('.')
        || alias.contains("..")
        || !alias.chars().all(valid_alias_char)
    {
        return Err(Fault::invalid(
            field,
            format!("'{alias}' is not a valid alias: use 1 to 64 letters, digits and ' . - _ ! # ^ ~ &, not starting or ending with a dot."),
        ));
    }
    let Some(domain) = verified_domains
        .iter()
        .find(|d| d.eq_ignore_ascii_case(domain))
    else {
        return Err(Fault::InvalidValue {
            field: field.to_string(),
            reason: format!("'{domain}' is not a verified domain of this tenant."),
            allowed: verified_domains.to_vec(),
        });
    };
    Ok(format!("{alias}@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        NotificationType, PhoneAppAuthenticationType, StrongAuthenticationPhoneAppDetail,
    };
    use uuid::Uuid;

    fn user() -> User {
        let mut user = User::new(Uuid::nil(), "ada@contoso.com".into(), Timestamp::now());
        user.display_name = Some("Ada".into());
        user
    }

    fn method(method_type: MethodType, is_default: bool) -> StrongAuthenticationMethod {
        StrongAuthenticationMethod {
            method_type,
            is_default,
        }
    }

    fn enable(state: RequirementState) -> Vec<StrongAuthenticationRequirement> {
        vec![StrongAuthenticationRequirement {
            relying_party: "*".into(),
            state,
            remember_devices_not_issued_before: None,
        }]
    }

    #[test]
    fn equal_values_are_not_changes() {
        let current = user();
        let request = UserChanges {
            display_name: Some("Ada".into()),
            city: Some("".into()),
            ..Default::default()
        };
        let applied = apply_changes(&current, &request, Timestamp::now()).unwrap();
        assert!(applied.changed.is_empty());
    }

    #[test]
    fn sms_needs_a_mobile_phone_and_fills_the_authentication_phone() {
        let current = user();
        let sms = UserChanges {
            strong_authentication_methods: Some(vec![method(MethodType::OneWaySms, false)]),
            ..Default::default()
        };
        let err = apply_changes(&current, &sms, Timestamp::now())
            .err()
            .unwrap();
        assert_eq!(err.field(), Some("MobilePhone"));

        let with_phone = UserChanges {
            mobile_phone: Some("+1 (425) 555-0100".into()),
            ..sms
        };
        let applied = apply_changes(&current, &with_phone, Timestamp::now()).unwrap();
        assert!(applied.user.strong_authentication_methods[0].is_default);
        assert_eq!(
            applied
                .user
                .strong_authentication_user_details
                .unwrap()
                .phone_number
                .as_deref(),
            Some("+1 4255550100")
        );
    }

    #[test]
    fn enabling_a_registered_user_reads_back_enforced() {
        let mut current = user();
        current.mobile_phone = Some("+44 2071234567".into());
        let request = UserChanges {
            strong_authentication_methods: Some(vec![method(MethodType::OneWaySms, true)]),
            strong_authentication_requirements: Some(enable(RequirementState::Enabled)),
            ..Default::default()
        };
        let applied = apply_changes(&current, &request, Timestamp::now()).unwrap();
        assert_eq!(applied.user.mfa_state(), Some(RequirementState::Enforced));
    }

    #[test]
    fn two_defaults_and_repeated_types_are_refused() {
        let mut current = user();
        current.mobile_phone = Some("+44 2071234567".into());
        let two_defaults = UserChanges {
            strong_authentication_methods: Some(vec![
                method(MethodType::OneWaySms, true),
                method(MethodType::TwoWayVoiceMobile, true),
            ]),
            ..Default::default()
        };
        assert_eq!(
            apply_changes(&current, &two_defaults, Timestamp::now())
                .err()
                .unwrap()
                .code(),
            "PropertyValidationException"
        );
        let repeated = UserChanges {
            strong_authentication_methods: Some(vec![
                method(MethodType::OneWaySms, true),
                method(MethodType::OneWaySms, false),
            ]),
            ..Default::default()
        };
        assert_eq!(
            apply_changes(&current, &repeated, Timestamp::now())
                .err()
                .unwrap()
                .code(),
            "UniquenessValidationException"
        );
    }

    #[test]
    fn phone_app_methods_need_a_registered_app() {
        let mut current = user();
        let notify = UserChanges {
            strong_authentication_methods: Some(vec![method(
                MethodType::PhoneAppNotification,
                true,
            )]),
            ..Default::default()
        };
        assert!(apply_changes(&current, &notify, Timestamp::now()).is_err());
        current
            .strong_authentication_phone_app_details
            .push(StrongAuthenticationPhoneAppDetail {
                id: None,
                authentication_type: PhoneAppAuthenticationType::NotificationAndOtp,
                device_name: "Pixel".into(),
                device_tag: "SoftwareTokenActivated".into(),
                device_token: None,
                notification_type: NotificationType::Gcm,
                oath_secret_key: None,
                oath_token_time_drift: 0,
                phone_app_version: Some("6.2401.0001".into()),
            });
        assert!(apply_changes(&current, &notify, Timestamp::now()).is_ok());
    }

    #[test]
    fn synchronized_users_keep_their_on_premises_properties() {
        let mut current = user();
        current.last_dir_sync_time = Some(Timestamp::now());
        let rename = UserChanges {
            display_name: Some("Someone else".into()),
            ..Default::default()
        };
        assert_eq!(
            apply_changes(&current, &rename, Timestamp::now())
                .err()
                .unwrap()
                .field(),
            Some("DisplayName")
        );
        let usage = UserChanges {
            usage_location: Some("de".into()),
            ..Default::default()
        };
        assert_eq!(
            apply_changes(&current, &usage, Timestamp::now())
                .unwrap()
                .user
                .usage_location
                .as_deref(),
            Some("DE")
        );
    }

    #[test]
    fn user_principal_names_use_verified_domains() {
        let domains = vec!["contoso.com".to_string()];
        assert_eq!(
            check_user_principal_name("UserPrincipalName", "ada@CONTOSO.com", &domains).unwrap(),
            "ada@contoso.com"
        );
        let err = check_user_principal_name("UserPrincipalName", "ada@fabrikam.com", &domains)
            .err()
            .unwrap();
        assert_eq!(err.allowed(), ["contoso.com"]);
        assert!(
            check_user_principal_name("UserPrincipalName", "a da@contoso.com", &domains).is_err()
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::model::{MethodType, RequirementState};
    use proptest::prelude::*;
    use uuid::Uuid;

    /// A user with every phone, so phone methods are refused only by the list rules.
    fn user_with_phones(state: Option<RequirementState>) -> User {
        let mut user = User::new(Uuid::nil(), "ada@contoso.com".into(), Timestamp::now());
        user.display_name = Some("Ada".into());
        user.mobile_phone = Some("+1 4255550100".into());
        user.phone_number = Some("+1 4255550101".into());
        user.alternate_mobile_phones = vec!["+1 4255550102".into()];
        if let Some(state) = state {
            user.strong_authentication_requirements = vec![StrongAuthenticationRequirement {
                relying_party: "*".into(),
                state,
                remember_devices_not_issued_before: None,
            }];
        }
        user
    }

    fn phone_method() -> impl Strategy<Value = StrongAuthenticationMethod> {
        (
            proptest::sample::select(vec![
                MethodType::OneWaySms,
                MethodType::TwoWayVoiceMobile,
                MethodType::TwoWayVoiceOffice,
                MethodType::TwoWayVoiceAlternateMobile,
            ]),
            any::<bool>(),
        )
            .prop_map(|(method_type, is_default)| StrongAuthenticationMethod {
                method_type,
                is_default,
            })
    }

    fn state() -> impl Strategy<Value = RequirementState> {
        proptest::sample::select(vec![RequirementState::Enabled, RequirementState::Enforced])
    }

    proptest! {
        /// A list is taken exactly when its types are unique and it has one default (or is one
        /// method, which becomes the default); what is stored then has exactly one default.
        #[test]
        fn method_lists_are_taken_exactly_when_the_rules_hold(methods in proptest::collection::vec(phone_method(), 0..6)) {
            let current = user_with_phones(None);
            let request = UserChanges { strong_authentication_methods: Some(methods.clone()), ..Default::default() };
            let unique = methods.iter().map(|m| m.method_type).collect::<HashSet<_>>().len() == methods.len();
            let defaults = methods.iter().filter(|m| m.is_default).count();
            let valid = unique && (defaults == 1 || (methods.len() == 1 && defaults == 0) || methods.is_empty());
            match apply_changes(&current, &request, Timestamp::now()) {
                Ok(applied) => {
                    prop_assert!(valid, "{methods:?} was taken");
                    let stored = &applied.user.strong_authentication_methods;
                    prop_assert_eq!(stored.len(), methods.len());
                    if !methods.is_empty() {
                        prop_assert_eq!(stored.iter().filter(|m| m.is_default).count(), 1);
                    }
                }
                Err(fault) => {
                    prop_assert!(!valid, "{methods:?} was refused: {fault}");
                    let code = fault.code();
                    prop_assert!(code == "PropertyValidationException" || code == "UniquenessValidationException", "{}", code);
                }
            }
        }

        /// Enabled with a registered method reads back Enforced; otherwise the state is the one
        /// asked for, with RelyingParty "*"; `@()` disables and keeps the methods.
        #[test]
        fn requirement_states_follow_the_registered_methods(
            before in proptest::option::of(state()),
            wanted in proptest::option::of(state()),
            methods in proptest::collection::vec(phone_method(), 0..2),
        ) {
            let mut current = user_with_phones(before);
            if let Some(first) = methods.first() {
                current.strong_authentication_methods = vec![StrongAuthenticationMethod { method_type: first.method_type, is_default: true }];
            }
            let requirements = wanted.map(|state| vec![StrongAuthenticationRequirement {
                relying_party: "*".into(),
                state,
                remember_devices_not_issued_before: None,
            }]).unwrap_or_default();
            let request = UserChanges { strong_authentication_requirements: Some(requirements), ..Default::default() };
            let applied = apply_changes(&current, &request, Timestamp::now()).unwrap();
            let stored = &applied.user.strong_authentication_requirements;
            prop_assert_eq!(&applied.user.strong_authentication_methods, &current.strong_authentication_methods);
            match wanted {
                None => prop_assert!(stored.is_empty()),
                Some(state) => {
                    prop_assert_eq!(stored.len(), 1);
                    prop_assert_eq!(stored[0].relying_party.as_str(), "*");
                    let expected = if state == RequirementState::Enabled && !current.strong_authentication_methods.is_empty() {
                        RequirementState::Enforced
                    } else {
                        state
                    };
                    prop_assert_eq!(stored[0].state, expected);
                }
            }
        }
    }
}
