//! The Graph backend: every MSOnline operation as Microsoft Graph calls. MSOnline's rules are
//! decided by `domain` exactly as for the local tenant (the current user is read from Graph,
//! the request applied to it, and the difference written back), so both backends answer alike.

use std::collections::HashSet;

use async_trait::async_trait;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::client::{Call, GraphClient, GraphFailure, Reply, Version};
use super::convert::{
    self, AuthFacts, Phone, PhoneChannels, ALTERNATE_MOBILE, MOBILE, OFFICE, USER_SELECT,
};
use super::permissions;
use crate::directory::{
    CreatedUser, Directory, GroupQuery, MemberQuery, MemberRef, Outcome, Page, PageRequest,
    UserQuery,
};
use crate::domain::fault::{Fault, FaultResult};
use crate::domain::licensing::{self, LicenseCatalog};
use crate::domain::model::{
    AccountSku, CompanyInformation, Domain, DomainStatus, Group, GroupMember, GroupMemberType,
    MethodType, RequirementState, Role, RoleMember, RoleMemberType, User, UserType,
};
use crate::domain::requests::{
    NewUserParams, RemoveUserParams, RestoreUserParams, SetUserLicenseParams, SetUserParams,
    SetUserPasswordParams, SetUserPrincipalNameParams, UserChanges, UserEnabledFilter, UserRef,
};
use crate::domain::time::Timestamp;
use crate::domain::{password, phone, user_rules};

/// Graph pages hold at most 999 users.
const MAX_PAGE: usize = 999;

/// How long the licence catalog read for showing users is reused; writes that count free units
/// always read it afresh.
const CATALOG_REUSE: std::time::Duration = std::time::Duration::from_secs(60);

pub struct GraphDirectory {
    client: GraphClient,
    catalog: std::sync::Mutex<Option<(std::time::Instant, std::sync::Arc<LicenseCatalog>)>>,
    channels: std::sync::Mutex<Option<(std::time::Instant, PhoneChannels)>>,
}

/// Percent-encodes a UPN for a path segment; a UPN starting with `$` takes the key form
/// `users('$x@y.com')` (reference/graph.md 3.2).
fn user_segment(key: &str) -> String {
    let encoded = msol_encoding::percent::encode(key, b"@!'");
    if key.starts_with('$') {
        format!("/users('{}')", encoded.replace('\'', "''"))
    } else {
        format!("/users/{encoded}")
    }
}

/// A Graph failure in MSOnline's terms, keeping Graph's code and request id in the message.
fn fault(failure: GraphFailure, user: Option<&UserRef>) -> Fault {
    match (&failure, failure.status()) {
        (_, Some(404)) if user.is_some() => Fault::UserNotFound(user.map(UserRef::describe).unwrap_or_default()),
        (GraphFailure::Graph(error), Some(403)) => Fault::AccessDenied(match permissions::needed_for(&error.request) {
            Some(needed) => format!("Microsoft Graph refused {}: {failure}. {needed}", error.request),
            None => format!("Microsoft Graph refused {}: {failure}.", error.request),
        }),
        (GraphFailure::Graph(error), Some(400)) if error.message.contains("on-premises mastered") => Fault::NotSettable {
            field: "(synchronized properties)".to_string(),
            reason: format!("The user is synchronized from on-premises Active Directory: change it there. {failure}"),
        },
        (GraphFailure::Graph(error), Some(400)) if error.message.contains("same value for property userPrincipalName") => {
            Fault::UserAlreadyExists(user.map(UserRef::describe).unwrap_or_default())
        }
        (_, Some(status)) if (400..500).contains(&status) => Fault::Service { status, message: failure.to_string() },
        (GraphFailure::SignIn(_), _) => Fault::Service { status: 401, message: failure.to_string() },
        (GraphFailure::Uncertain(_), _) => Fault::Service { status: 504, message: failure.to_string() },
        _ => Fault::Service { status: 503, message: failure.to_string() },
    }
}

/// Synchronized users' profile properties Set-MsolUser may not change (on-premises mastered).
const PROFILE_FIELDS: &[(&str, &str)] = &[
    ("DisplayName", "displayName"),
    ("FirstName", "givenName"),
    ("LastName", "surname"),
    ("Title", "jobTitle"),
    ("Department", "department"),
    ("Office", "officeLocation"),
    ("StreetAddress", "streetAddress"),
    ("City", "city"),
    ("State", "state"),
    ("PostalCode", "postalCode"),
    ("Country", "country"),
    ("MobilePhone", "mobilePhone"),
    ("Fax", "faxNumber"),
    ("PreferredLanguage", "preferredLanguage"),
    ("PreferredDataLocation", "preferredDataLocation"),
    ("UsageLocation", "usageLocation"),
    ("ImmutableId", "onPremisesImmutableId"),
];

fn text_value(value: &Option<String>) -> Value {
    value.as_ref().map_or(Value::Null, |v| json!(v))
}

/// The PATCH body for the profile properties that changed (only those).
fn profile_patch(before: &User, after: &User, changed: &[&str]) -> Map<String, Value> {
    let mut patch = Map::new();
    let field = |user: &User, name: &str| -> Option<String> {
        match name {
            "DisplayName" => user.display_name.clone(),
            "FirstName" => user.first_name.clone(),
            "LastName" => user.last_name.clone(),
            "Title" => user.title.clone(),
            "Department" => user.department.clone(),
            "Office" => user.office.clone(),
            "StreetAddress" => user.street_address.clone(),
            "City" => user.city.clone(),
            "State" => user.state.clone(),
            "PostalCode" => user.postal_code.clone(),
            "Country" => user.country.clone(),
            "MobilePhone" => user.mobile_phone.clone(),
            "Fax" => user.fax.clone(),
            "PreferredLanguage" => user.preferred_language.clone(),
            "PreferredDataLocation" => user.preferred_data_location.clone(),
            "UsageLocation" => user.usage_location.clone(),
            "ImmutableId" => user.immutable_id.clone(),
            _ => None,
        }
    };
    for (msonline, graph) in PROFILE_FIELDS {
        if changed.contains(msonline) && field(before, msonline) != field(after, msonline) {
            patch.insert(graph.to_string(), text_value(&field(after, msonline)));
        }
    }
    if changed.contains(&"PhoneNumber") {
        patch.insert(
            "businessPhones".into(),
            json!(after.phone_number.iter().collect::<Vec<_>>()),
        );
    }
    if changed.contains(&"AlternateEmailAddresses") {
        patch.insert("otherMails".into(), json!(after.alternate_email_addresses));
    }
    if changed.contains(&"BlockCredential") {
        patch.insert("accountEnabled".into(), json!(!after.block_credential));
    }
    if changed.contains(&"UserType") {
        patch.insert(
            "userType".into(),
            json!(if after.user_type == UserType::Guest {
                "Guest"
            } else {
                "Member"
            }),
        );
    }
    if changed.contains(&"PasswordNeverExpires") || changed.contains(&"StrongPasswordRequired") {
        let mut policies = Vec::new();
        if after.password_never_expires {
            policies.push("DisablePasswordExpiration");
        }
        if !after.strong_password_required {
            policies.push("DisableStrongPassword");
        }
        patch.insert(
            "passwordPolicies".into(),
            json!(if policies.is_empty() {
                "None".to_string()
            } else {
                policies.join(", ")
            }),
        );
    }
    patch
}

fn mfa_state_name(state: Option<RequirementState>) -> &'static str {
    match state {
        None => "disabled",
        Some(RequirementState::Enabled) => "enabled",
        Some(RequirementState::Enforced) => "enforced",
    }
}

/// Refuses, before anything is written, what Graph cannot store: an alternate mobile phone that
/// does not become a TwoWayVoiceAlternateMobile method in the same change.
fn check_expressible(after: &User, changed: &[&str]) -> FaultResult<()> {
    let feeds_method = changed.contains(&"StrongAuthenticationMethods")
        && after
            .strong_authentication_methods
            .iter()
            .any(|m| m.method_type == MethodType::TwoWayVoiceAlternateMobile);
    if changed.contains(&"AlternateMobilePhones") && !feeds_method {
        return Err(Fault::NotSettable {
            field: "AlternateMobilePhones".to_string(),
            reason: "Microsoft Graph keeps no alternate mobile phone on the user's profile. Give it together with a TwoWayVoiceAlternateMobile method in StrongAuthenticationMethods: it becomes the user's alternate authentication phone.".to_string(),
        });
    }
    Ok(())
}

/// One write in the order Graph's rules require.
struct Write {
    call: Call,
    /// Present for POSTs whose lost answer is checked by reading the phone list.
    creates_phone: Option<String>,
}

impl GraphDirectory {
    pub fn new(client: GraphClient) -> GraphDirectory {
        GraphDirectory {
            client,
            catalog: std::sync::Mutex::new(None),
            channels: std::sync::Mutex::new(None),
        }
    }

    pub fn client(&self) -> &GraphClient {
        &self.client
    }

    async fn get(
        &self,
        version: Version,
        path: impl Into<String>,
        user: Option<&UserRef>,
    ) -> FaultResult<Value> {
        self.client
            .call(&Call::get(version, path))
            .await
            .map(|r| r.body)
            .map_err(|f| fault(f, user))
    }

    async fn write(&self, call: Call, user: Option<&UserRef>) -> FaultResult<Reply> {
        self.client.call(&call).await.map_err(|f| fault(f, user))
    }

    /// Every page of a collection (roles, members, groups): small collections, followed to the end.
    async fn all_pages(&self, path: &str) -> FaultResult<Vec<Value>> {
        let first = self.get(Version::V1, path, None).await?;
        self.rest_of_pages(first).await
    }

    /// The items of a first page and of every page its next links lead to.
    async fn rest_of_pages(&self, first: Value) -> FaultResult<Vec<Value>> {
        let mut body = first;
        let mut items = Vec::new();
        loop {
            items.extend(body["value"].as_array().cloned().unwrap_or_default());
            let Some(next) = body["@odata.nextLink"].as_str().map(str::to_string) else {
                break;
            };
            body = self
                .client
                .follow(&next, false)
                .await
                .map_err(|f| fault(f, None))?
                .body;
        }
        Ok(items)
    }

    /// The licence catalog for showing users' licences: read at most once a minute, since every
    /// user read needs it.
    async fn catalog(&self) -> FaultResult<std::sync::Arc<LicenseCatalog>> {
        let cached = self.catalog.lock().expect("catalog cache").clone();
        match cached {
            Some((read, catalog)) if read.elapsed() < CATALOG_REUSE => Ok(catalog),
            _ => self.fresh_catalog().await,
        }
    }

    /// The licence catalog as Graph has it now, with current consumed units.
    async fn fresh_catalog(&self) -> FaultResult<std::sync::Arc<LicenseCatalog>> {
        let (skus, org, domains) = tokio::try_join!(
            self.get(Version::V1, "/subscribedSkus", None),
            self.get(Version::V1, "/organization?$select=id", None),
            self.domains(),
        )?;
        let initial = domains
            .iter()
            .find(|d| d.is_initial)
            .map(|d| d.name.clone())
            .unwrap_or_default();
        let org_id = org["value"][0]["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        let catalog = std::sync::Arc::new(convert::catalog(
            &skus,
            crate::tenant::account_name(&initial),
            org_id,
        ));
        *self.catalog.lock().expect("catalog cache") =
            Some((std::time::Instant::now(), catalog.clone()));
        Ok(catalog)
    }

    /// The tenant's phone channels (the sms and voice method configurations), read at most once a
    /// minute like the catalog. A policy that cannot be read (no Policy.Read.All, or no role to
    /// read it) counts as allowing both, as Graph's own listing of a phone does.
    async fn phone_channels(&self) -> PhoneChannels {
        if let Some((read, channels)) = *self.channels.lock().expect("channels cache") {
            if read.elapsed() < CATALOG_REUSE {
                return channels;
            }
        }
        let path = |id: &str| {
            Call::get(
                Version::V1,
                format!(
                    "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}"
                ),
            )
        };
        let (sms, voice) = (path("Sms"), path("Voice"));
        let (sms, voice) = tokio::join!(self.client.call(&sms), self.client.call(&voice));
        let enabled = |answer: &Result<Reply, GraphFailure>| match answer {
            Ok(reply) => reply.body["state"] != "disabled",
            Err(_) => true,
        };
        let channels = PhoneChannels {
            sms: enabled(&sms),
            voice: enabled(&voice),
        };
        *self.channels.lock().expect("channels cache") =
            Some((std::time::Instant::now(), channels));
        channels
    }

    /// The authentication facts of several users, three `/beta` calls each, through `$batch`.
    /// Reading many users is bulk work, sent at low priority so that interactive calls go first
    /// (one user's reads are too when its operation is bulk work: `GraphClient::call`).
    async fn auth_facts(&self, ids: &[Uuid]) -> Vec<FaultResult<AuthFacts>> {
        let bulk = ids.len() > 1;
        let calls: Vec<Call> = ids
            .iter()
            .flat_map(|id| {
                [
                    Call::get(
                        Version::Beta,
                        format!("/users/{id}/authentication/requirements"),
                    ),
                    Call::get(Version::Beta, format!("/users/{id}/authentication/methods")),
                    Call::get(
                        Version::Beta,
                        format!("/users/{id}/authentication/signInPreferences"),
                    ),
                ]
            })
            .map(|call| if bulk { call.low_priority() } else { call })
            .collect();
        // One user's three reads go as single calls, so that they share a `$batch` with the reads of
        // the other users being loaded at the same moment (a bridge batch's items).
        let answers = if bulk {
            self.client.batch(Version::Beta, &calls).await
        } else {
            futures_util::future::join_all(calls.iter().map(|call| self.client.call(call))).await
        };
        let mut answers = answers.into_iter();
        let channels = self.phone_channels().await;
        let mut facts: Vec<FaultResult<AuthFacts>> = ids
            .iter()
            .map(|id| {
                let who = UserRef::by_id(*id);
                let requirements = answers
                    .next()
                    .expect("three answers per user")
                    .map_err(|f| fault(f, Some(&who)))?;
                let methods = answers
                    .next()
                    .expect("three answers per user")
                    .map_err(|f| fault(f, Some(&who)))?;
                let preferences = answers
                    .next()
                    .expect("three answers per user")
                    .map_err(|f| fault(f, Some(&who)))?;
                let mut facts = AuthFacts::from_methods(
                    requirements.body["perUserMfaState"]
                        .as_str()
                        .map(str::to_string),
                    &methods.body,
                    &preferences.body,
                );
                facts.channels = channels;
                Ok(facts)
            })
            .collect();
        // Whether a hardware token is activated is its device's status: read only for the users
        // who have one.
        let with_tokens: Vec<usize> = (0..ids.len())
            .filter(|&i| matches!(&facts[i], Ok(f) if !f.hardware_oath.is_empty()))
            .collect();
        let device_reads: Vec<Call> = with_tokens
            .iter()
            .map(|&i| {
                Call::get(
                    Version::Beta,
                    format!(
                        "/users/{}/authentication/hardwareOathMethods?$expand=device",
                        ids[i]
                    ),
                )
            })
            .collect();
        let devices =
            futures_util::future::join_all(device_reads.iter().map(|call| self.client.call(call)))
                .await;
        for (&i, answer) in with_tokens.iter().zip(devices) {
            let who = UserRef::by_id(ids[i]);
            match answer {
                Ok(reply) => {
                    if let Ok(user_facts) = &mut facts[i] {
                        for (id, activated) in &mut user_facts.hardware_oath {
                            *activated = reply.body["value"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .find(|t| t["id"].as_str() == Some(id.as_str()))
                                .map(|t| t["device"]["status"] == "activated");
                        }
                    }
                }
                Err(failure) => facts[i] = Err(fault(failure, Some(&who))),
            }
        }
        facts
    }

    async fn users_from_profiles(
        &self,
        profiles: &[Value],
        catalog: &LicenseCatalog,
    ) -> FaultResult<Vec<User>> {
        let ids: Vec<Uuid> = profiles
            .iter()
            .filter_map(|p| p["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
            .collect();
        let facts = self.auth_facts(&ids).await;
        profiles
            .iter()
            .zip(facts)
            .map(|(profile, facts)| {
                convert::user(profile, &facts?, catalog).ok_or_else(|| {
                    Fault::Unexpected(anyhow::anyhow!(
                        "Graph returned a user without an id or user principal name"
                    ))
                })
            })
            .collect()
    }

    async fn profile(&self, user: &UserRef) -> FaultResult<Value> {
        user.require_name()?;
        let key = match (&user.object_id, &user.user_principal_name) {
            (Some(id), _) => id.to_string(),
            (None, Some(upn)) => upn.trim().to_string(),
            (None, None) => unreachable!("require_name checked"),
        };
        let profile = self
            .get(
                Version::V1,
                format!("{}?$select={USER_SELECT}", user_segment(&key)),
                Some(user),
            )
            .await?;
        let id = profile["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        user.check_same_user(id, profile["userPrincipalName"].as_str().unwrap_or(""))?;
        Ok(profile)
    }

    /// The user with everything MSOnline shows, and the raw facts needed to change methods.
    /// A user with the facts of `/authentication` when `with_authentication` (reading those needs
    /// roles a User or License Administrator does not hold; without them the user shows none).
    async fn load(
        &self,
        user: &UserRef,
        with_authentication: bool,
    ) -> FaultResult<(User, AuthFacts)> {
        let (profile, catalog) = tokio::try_join!(self.profile(user), self.catalog())?;
        let id = profile["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        let facts = if with_authentication {
            self.auth_facts(&[id]).await.remove(0)?
        } else {
            AuthFacts::default()
        };
        let loaded = convert::user(&profile, &facts, &catalog).ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!("Graph returned a user without an id"))
        })?;
        Ok((loaded, facts))
    }

    async fn deleted_user(&self, user: &UserRef) -> FaultResult<Value> {
        user.require_name()?;
        let found = match user.object_id {
            Some(id) => {
                self.get(
                    Version::V1,
                    format!("/directory/deletedItems/{id}?$select={USER_SELECT}"),
                    Some(user),
                )
                .await?
            }
            None => {
                let upn = user.user_principal_name.clone().unwrap_or_default();
                let all = self
                    .all_pages(&format!(
                        "/directory/deletedItems/microsoft.graph.user?$select={USER_SELECT}"
                    ))
                    .await?;
                all.into_iter()
                    .find(|u| {
                        convert::user_principal_name(u)
                            .is_some_and(|n| n.eq_ignore_ascii_case(upn.trim()))
                    })
                    .ok_or_else(|| Fault::UserNotFound(user.describe()))?
            }
        };
        let id = found["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        user.check_same_user(id, found["userPrincipalName"].as_str().unwrap_or(""))?;
        Ok(found)
    }

    async fn verified_domains(&self) -> FaultResult<Vec<String>> {
        Ok(self
            .domains()
            .await?
            .into_iter()
            .filter(|d| d.status == DomainStatus::Verified)
            .map(|d| d.name)
            .collect())
    }

    /// Writes what `apply_changes` decided: profile first, phones in Graph's order, the default,
    /// then removals, the per-user MFA state last (so Graph's enabled-to-enforced rule sees the methods).
    async fn write_user(
        &self,
        id: Uuid,
        before: &User,
        after: &User,
        changed: &[&str],
        request: &UserChanges,
        facts: &AuthFacts,
    ) -> FaultResult<Vec<String>> {
        let who = UserRef::by_id(id);
        let path = format!("/users/{id}");
        let mut warnings = Vec::new();
        let methods_changed = changed.contains(&"StrongAuthenticationMethods");
        let patch = profile_patch(before, after, changed);
        if !patch.is_empty() {
            self.write(
                Call::patch(Version::V1, path.clone(), Value::Object(patch)),
                Some(&who),
            )
            .await?;
        }
        if methods_changed {
            if after.strong_authentication_methods.is_empty() {
                self.clear_methods(id, facts).await?;
            } else {
                warnings.extend(self.write_methods(id, after, facts).await?);
            }
        }
        if changed.contains(&"StrongAuthenticationRequirements") {
            self.write(
                Call::patch(
                    Version::Beta,
                    format!("/users/{id}/authentication/requirements"),
                    json!({"perUserMfaState": mfa_state_name(after.mfa_state())}),
                ),
                Some(&who),
            )
            .await?;
        }
        if request
            .strong_authentication_requirements
            .as_ref()
            .is_some_and(|r| {
                r.iter()
                    .any(|r| r.remember_devices_not_issued_before.is_some())
            })
        {
            warnings.push("RememberDevicesNotIssuedBefore has no counterpart in Microsoft Graph and was not written. To make a user prove MFA again on remembered devices, use 'Revoke MFA sessions' in the Entra admin center.".to_string());
        }
        if changed.contains(&"StsRefreshTokensValidFrom") {
            self.write(
                Call::post(
                    Version::V1,
                    format!("/users/{id}/revokeSignInSessions"),
                    None,
                )
                .repeatable(),
                Some(&who),
            )
            .await?;
            warnings.push("Microsoft Graph revokes sessions as of now: StsRefreshTokensValidFrom is the time of this call, not the value given.".to_string());
        }
        Ok(warnings)
    }

    /// Phones to add, change and remove so the registered phones match the requested methods,
    /// then the default. Masked numbers are never compared or written back.
    async fn write_methods(
        &self,
        id: Uuid,
        after: &User,
        facts: &AuthFacts,
    ) -> FaultResult<Vec<String>> {
        let who = UserRef::by_id(id);
        let wants = |types: &[MethodType]| {
            after
                .strong_authentication_methods
                .iter()
                .any(|m| types.contains(&m.method_type))
        };
        let details = after
            .strong_authentication_user_details
            .clone()
            .unwrap_or_default();
        let wanted: Vec<(&str, Option<String>)> = vec![
            (
                MOBILE,
                wants(&[MethodType::OneWaySms, MethodType::TwoWayVoiceMobile])
                    .then(|| details.phone_number.clone())
                    .flatten(),
            ),
            (
                ALTERNATE_MOBILE,
                wants(&[MethodType::TwoWayVoiceAlternateMobile])
                    .then(|| details.alternative_phone_number.clone())
                    .flatten(),
            ),
            (
                OFFICE,
                wants(&[MethodType::TwoWayVoiceOffice])
                    .then(|| {
                        after
                            .phone_number
                            .as_deref()
                            .and_then(|n| phone::normalize(n).ok())
                    })
                    .flatten(),
            ),
        ];
        let mut warnings = Vec::new();
        let mut writes: Vec<Write> = Vec::new();
        let mut removals: Vec<(&str, Call)> = Vec::new();
        for (phone_type, number) in &wanted {
            let current = facts.phone(phone_type);
            match (current, number) {
                (None, Some(number)) => writes.push(Write {
                    call: Call::post(
                        Version::V1,
                        format!("/users/{id}/authentication/phoneMethods"),
                        Some(json!({"phoneNumber": number, "phoneType": phone_type})),
                    ),
                    creates_phone: Some(phone_type.to_string()),
                }),
                (Some(current), Some(number)) if current.is_masked() => {
                    warnings.push(format!("The registered {phone_type} phone ({}) is masked to this account, so it was neither compared with {number} nor changed. An account with the Privileged Authentication Administrator role sees and changes full numbers.", current.number));
                }
                (Some(current), Some(number)) if &current.number != number => writes.push(Write {
                    call: Call::patch(
                        Version::V1,
                        format!("/users/{id}/authentication/phoneMethods/{}", current.id),
                        json!({"phoneNumber": number}),
                    ),
                    creates_phone: None,
                }),
                (Some(current), None) => removals.push((
                    phone_type,
                    Call::delete(
                        Version::V1,
                        format!("/users/{id}/authentication/phoneMethods/{}", current.id),
                    ),
                )),
                _ => {}
            }
        }
        // The mobile exists before the alternate (Graph's rule); the list above is in that order.
        for write in writes {
            self.write_phone(&who, id, write).await?;
        }
        let default = after
            .strong_authentication_methods
            .iter()
            .find(|m| m.is_default)
            .map(|m| m.method_type);
        if let Some(default) = default {
            let wanted = convert::preferred_method_name(default);
            if facts.preferred.as_deref() != Some(wanted) {
                self.set_preferred(id, wanted).await?;
            }
        }
        // The alternate goes before the mobile it depends on.
        removals.sort_by_key(|(phone_type, _)| *phone_type != ALTERNATE_MOBILE);
        for (_, removal) in removals {
            self.write(removal, Some(&who)).await?;
        }
        let apps_kept = !facts.authenticators.is_empty()
            && !wants(&[MethodType::PhoneAppNotification])
            || (!facts.software_oath.is_empty()
                || facts.hardware_oath.iter().any(|t| t.1 == Some(true)))
                && !wants(&[MethodType::PhoneAppOtp]);
        if apps_kept {
            warnings.push("The user's registered authenticator app was kept: Microsoft Graph lists registered methods, so it stays among StrongAuthenticationMethods. Remove it with Reset-MsolStrongAuthenticationMethodByUpn (the user then registers again).".to_string());
        }
        Ok(warnings)
    }

    /// POSTs a phone; a lost answer is settled by reading the phones, never by posting again.
    async fn write_phone(&self, who: &UserRef, id: Uuid, write: Write) -> FaultResult<()> {
        match self.client.call(&write.call).await {
            Ok(_) => Ok(()),
            Err(GraphFailure::Uncertain(reason)) if write.creates_phone.is_some() => {
                let phones = self
                    .get(
                        Version::V1,
                        format!("/users/{id}/authentication/phoneMethods"),
                        Some(who),
                    )
                    .await?;
                let landed = phones["value"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|p| p["phoneType"].as_str() == write.creates_phone.as_deref());
                if landed {
                    Ok(())
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), Some(who)))
                }
            }
            Err(failure) => Err(fault(failure, Some(who))),
        }
    }

    /// Deletes every phone, Authenticator and software OATH method (the portal's "Require
    /// re-register MFA"); a delete refused because the method is the default is retried last.
    /// The user's default MFA method (`userPreferredMethodForSecondaryAuthentication`).
    async fn set_preferred(&self, id: Uuid, method: &str) -> FaultResult<()> {
        self.write(
            Call::patch(
                Version::Beta,
                format!("/users/{id}/authentication/signInPreferences"),
                json!({"userPreferredMethodForSecondaryAuthentication": method}),
            ),
            Some(&UserRef::by_id(id)),
        )
        .await?;
        Ok(())
    }

    async fn clear_methods(&self, id: Uuid, facts: &AuthFacts) -> FaultResult<bool> {
        let who = UserRef::by_id(id);
        // A default alternate mobile cannot go while other methods exist, and the mobile cannot
        // go before the alternate: make the mobile the default first, or neither could be deleted
        // (microsoftgraph/msgraph-sdk-powershell discussions #55).
        if facts.preferred.as_deref() == Some("voiceAlternateMobile")
            && facts.phone(MOBILE).is_some()
        {
            self.set_preferred(id, "voiceMobile").await?;
        }
        let mut deletes: Vec<Call> = Vec::new();
        let mut phones: Vec<&Phone> = facts.phones.iter().collect();
        phones.sort_by_key(|p| p.phone_type != ALTERNATE_MOBILE);
        for phone in phones {
            deletes.push(Call::delete(
                Version::V1,
                format!("/users/{id}/authentication/phoneMethods/{}", phone.id),
            ));
        }
        for app in &facts.authenticators {
            deletes.push(Call::delete(
                Version::V1,
                format!(
                    "/users/{id}/authentication/microsoftAuthenticatorMethods/{}",
                    app["id"].as_str().unwrap_or("")
                ),
            ));
        }
        for app in &facts.software_oath {
            deletes.push(Call::delete(
                Version::V1,
                format!(
                    "/users/{id}/authentication/softwareOathMethods/{}",
                    app["id"].as_str().unwrap_or("")
                ),
            ));
        }
        // The portal's "require re-register" deactivates hardware tokens; they stay assigned.
        let mut deactivated = false;
        for (token, activated) in &facts.hardware_oath {
            if *activated == Some(true) {
                self.write(
                    Call::post(
                        Version::Beta,
                        format!(
                            "/users/{id}/authentication/hardwareOathMethods/{token}/deactivate"
                        ),
                        None,
                    )
                    .repeatable(),
                    Some(&who),
                )
                .await?;
                deactivated = true;
            }
        }
        let any = !deletes.is_empty() || deactivated;
        let mut later = Vec::new();
        for delete in deletes {
            match self.client.call(&delete).await {
                Ok(_) => {}
                Err(failure)
                    if failure.status() == Some(400) && failure.code() == Some("badRequest") =>
                {
                    later.push(delete)
                }
                Err(failure) => return Err(fault(failure, Some(&who))),
            }
        }
        for delete in later {
            self.write(delete, Some(&who)).await?;
        }
        Ok(any)
    }

    async fn resolve_member(&self, member: &MemberRef) -> FaultResult<Uuid> {
        match member.member_type {
            RoleMemberType::User => {
                let user = UserRef {
                    object_id: member.object_id,
                    user_principal_name: member.email_address.clone(),
                };
                if member.object_id.is_none() && member.email_address.is_none() {
                    return Err(Fault::Required {
                        field: "RoleMemberObjectId".to_string(),
                        reason:
                            "Name the member with RoleMemberObjectId or RoleMemberEmailAddress."
                                .to_string(),
                    });
                }
                let profile = self.profile(&user).await?;
                Ok(profile["id"]
                    .as_str()
                    .and_then(|i| Uuid::parse_str(i).ok())
                    .unwrap_or_default())
            }
            _ => member.object_id.ok_or_else(|| Fault::Required {
                field: "RoleMemberObjectId".to_string(),
                reason: "A group or service principal is named by its ObjectId.".to_string(),
            }),
        }
    }

    /// A role by its template id (the operation layer has checked that Graph lists it).
    fn role_path(role: Uuid) -> String {
        format!("/directoryRoles(roleTemplateId='{role}')")
    }

    /// Members of a role; a role never activated has none (Graph answers 404 for it). Member
    /// listings return a user's default properties only (graph/api/directoryrole-list-members),
    /// without licences or sync facts, so users are read through the user cast with the
    /// properties a RoleMember shows, and the other members through the plain listing.
    async fn role_member_objects(&self, role: Uuid) -> FaultResult<Vec<Value>> {
        let path = format!("{}/members", Self::role_path(role));
        let Some(mut members) = self
            .all_pages_unless_missing(&format!("{path}?$select=id,displayName,mail"))
            .await?
        else {
            return Ok(Vec::new());
        };
        let users = self
            .all_pages_unless_missing(&format!(
                "{path}/microsoft.graph.user?$select={MEMBER_USER_PROPERTIES}"
            ))
            .await?
            .unwrap_or_default();
        for member in &mut members {
            if let Some(user) = users.iter().find(|u| u["id"] == member["id"]) {
                let mut user = user.clone();
                user["@odata.type"] = json!("#microsoft.graph.user");
                *member = user;
            }
        }
        Ok(members)
    }

    /// Every page of a collection, each read once; `None` when Graph answers 404 for it.
    async fn all_pages_unless_missing(&self, path: &str) -> FaultResult<Option<Vec<Value>>> {
        match self.client.call(&Call::get(Version::V1, path)).await {
            Ok(first) => self.rest_of_pages(first.body).await.map(Some),
            Err(failure) if failure.status() == Some(404) => Ok(None),
            Err(failure) => Err(fault(failure, None)),
        }
    }
}

/// What a user member of a role shows (RoleMember: name, address, licensed, last sync).
const MEMBER_USER_PROPERTIES: &str =
    "id,displayName,userPrincipalName,mail,assignedLicenses,onPremisesSyncEnabled,onPremisesLastSyncDateTime";

fn page_of<T: Clone>(items: Vec<T>, page: &PageRequest) -> Page<T> {
    let start = page
        .cursor
        .as_deref()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(0);
    let size = page.size.max(1);
    let end = (start + size).min(items.len());
    Page {
        items: items.get(start..end).map(<[T]>::to_vec).unwrap_or_default(),
        next_cursor: (end < items.len()).then(|| end.to_string()),
    }
}

#[async_trait]
impl Directory for GraphDirectory {
    fn backend(&self) -> &'static str {
        "graph"
    }

    async fn company_information(&self) -> FaultResult<CompanyInformation> {
        let (org, domains) =
            tokio::try_join!(self.get(Version::V1, "/organization", None), self.domains())?;
        convert::company(&org["value"][0], &domains)
            .ok_or_else(|| Fault::Unexpected(anyhow::anyhow!("Graph returned no organization")))
    }

    async fn domains(&self) -> FaultResult<Vec<Domain>> {
        Ok(self
            .all_pages("/domains")
            .await?
            .iter()
            .filter_map(convert::domain)
            .collect())
    }

    async fn account_skus(&self) -> FaultResult<Vec<AccountSku>> {
        Ok(self.fresh_catalog().await?.account_skus())
    }

    async fn list_users(&self, query: &UserQuery, page: PageRequest) -> FaultResult<Page<User>> {
        let catalog = self.catalog().await?;
        if query.filter.return_deleted_users {
            let deleted = self
                .all_pages(&format!(
                    "/directory/deletedItems/microsoft.graph.user?$select={USER_SELECT}"
                ))
                .await?;
            let users: Vec<User> = deleted
                .iter()
                .filter_map(|p| convert::user(p, &AuthFacts::default(), &catalog))
                .filter(|u| query.filter.matches(u))
                .collect();
            return Ok(page_of(users, &page));
        }
        let body = match &page.cursor {
            Some(next) => {
                let eventual = next.contains("%24count=true") || next.contains("$count=true");
                self.client
                    .follow(next, eventual)
                    .await
                    .map_err(|f| fault(f, None))?
                    .body
            }
            None => {
                // Pushed down: the account state (a default query) and unlicensed users (advanced).
                let mut filters = Vec::new();
                match query.filter.enabled_filter {
                    Some(UserEnabledFilter::EnabledOnly) => {
                        filters.push("accountEnabled eq true".to_string())
                    }
                    Some(UserEnabledFilter::DisabledOnly) => {
                        filters.push("accountEnabled eq false".to_string())
                    }
                    _ => {}
                }
                let advanced = query.filter.unlicensed_users_only;
                if advanced {
                    filters.push("assignedLicenses/$count eq 0".to_string());
                }
                let mut path = format!(
                    "/users?$select={USER_SELECT}&$top={}",
                    page.size.clamp(1, MAX_PAGE)
                );
                if !filters.is_empty() {
                    path.push_str(&format!(
                        "&$filter={}",
                        msol_encoding::percent::encode(&filters.join(" and "), b",$/")
                    ));
                }
                let mut call = Call::get(Version::V1, path);
                if advanced {
                    call.path.push_str("&$count=true");
                    call = call.eventual();
                }
                self.client
                    .call(&call)
                    .await
                    .map_err(|f| fault(f, None))?
                    .body
            }
        };
        let profiles = body["value"].as_array().cloned().unwrap_or_default();
        let role_members: Option<HashSet<Uuid>> = match query.role_object_id {
            Some(role) => Some(
                self.role_member_objects(role)
                    .await?
                    .iter()
                    .filter_map(|m| m["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
                    .collect(),
            ),
            None => None,
        };
        let users = self
            .users_from_profiles(&profiles, &catalog)
            .await?
            .into_iter()
            .filter(|u| query.filter.matches(u))
            .filter(|u| {
                query
                    .strong_authentication
                    .as_ref()
                    .is_none_or(|f| f.matches(u))
            })
            .filter(|u| {
                role_members
                    .as_ref()
                    .is_none_or(|m| m.contains(&u.object_id))
            })
            .collect();
        Ok(Page {
            items: users,
            next_cursor: body["@odata.nextLink"].as_str().map(str::to_string),
        })
    }

    async fn count_users(&self) -> FaultResult<u64> {
        let reply = self
            .client
            .call(&Call::get(Version::V1, "/users/$count").eventual())
            .await
            .map_err(|f| fault(f, None))?;
        // A bare number (`text/plain`); inside a `$batch` it may come as a string.
        reply
            .body
            .as_u64()
            .or_else(|| {
                reply
                    .body
                    .as_str()
                    .and_then(|text| text.trim().parse().ok())
            })
            .ok_or_else(|| {
                Fault::Unexpected(anyhow::anyhow!(
                    "Graph answered /users/$count with {}",
                    reply.body
                ))
            })
    }

    async fn get_user(&self, user: &UserRef, deleted: bool) -> FaultResult<User> {
        if deleted {
            let profile = self.deleted_user(user).await?;
            let catalog = self.catalog().await?;
            return convert::user(&profile, &AuthFacts::default(), &catalog).ok_or_else(|| {
                Fault::Unexpected(anyhow::anyhow!("Graph returned a user without an id"))
            });
        }
        Ok(self.load(user, true).await?.0)
    }

    async fn new_user(&self, params: NewUserParams) -> FaultResult<CreatedUser> {
        let upn = user_rules::check_user_principal_name(
            "UserPrincipalName",
            &params.user_principal_name,
            &self.verified_domains().await?,
        )?;
        if params
            .properties
            .display_name
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
        {
            return Err(Fault::Required {
                field: "DisplayName".to_string(),
                reason: "A new user needs a display name.".to_string(),
            });
        }
        let now = Timestamp::now();
        let blank = User::new(Uuid::nil(), upn.clone(), now);
        let applied = user_rules::apply_changes(&blank, &params.properties, now)?;
        check_expressible(&applied.user, &applied.changed)?;
        let password = password::given_or_generated(
            "Password",
            params.password.as_deref(),
            &upn,
            applied.user.strong_password_required,
        )?;
        let mut licensed = applied.user.clone();
        let catalog = self.fresh_catalog().await?;
        let change = licensing::apply(
            &mut licensed,
            &catalog,
            params.license_assignment.as_deref().unwrap_or_default(),
            &[],
            params.license_options.as_deref().unwrap_or_default(),
        )?;
        let who = UserRef::by_upn(upn.clone());
        let mut body = profile_patch(&blank, &applied.user, &applied.changed);
        body.insert(
            "accountEnabled".into(),
            json!(!applied.user.block_credential),
        );
        body.insert("userPrincipalName".into(), json!(upn));
        body.insert(
            "mailNickname".into(),
            json!(upn.split('@').next().unwrap_or("user")),
        );
        body.insert("passwordProfile".into(), json!({"password": password, "forceChangePasswordNextSignIn": params.force_change_password.unwrap_or(true)}));
        let id = match self
            .client
            .call(&Call::post(
                Version::V1,
                "/users",
                Some(Value::Object(body)),
            ))
            .await
        {
            Ok(reply) => reply.body["id"]
                .as_str()
                .and_then(|i| Uuid::parse_str(i).ok()),
            // The answer was lost: the user exists if the create landed.
            Err(GraphFailure::Uncertain(reason)) => match self.profile(&who).await {
                Ok(profile) => profile["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()),
                Err(_) => return Err(fault(GraphFailure::Uncertain(reason), Some(&who))),
            },
            Err(failure) => return Err(fault(failure, Some(&who))),
        }
        .ok_or_else(|| {
            Fault::Unexpected(anyhow::anyhow!(
                "Graph created the user without answering its id"
            ))
        })?;
        if change.changed {
            self.assign_licenses(id, &licensed, &catalog, &[]).await?;
        }
        // The POST carried the profile; what remains is authentication data.
        let mut changed = applied.changed.clone();
        changed.retain(|c| c.starts_with("StrongAuthentication"));
        changed.retain(|c| {
            *c != "StrongAuthenticationRequirements" || applied.user.mfa_state().is_some()
        });
        let warnings = self
            .write_user(
                id,
                &blank,
                &applied.user,
                &changed,
                &params.properties,
                &AuthFacts::default(),
            )
            .await?;
        for warning in warnings {
            tracing::warn!(user = %upn, "{warning}");
        }
        let (user, _) = self
            .load(
                &UserRef::by_id(id),
                params.properties.touches_authentication(),
            )
            .await?;
        Ok(CreatedUser { user, password })
    }

    async fn set_user(&self, params: SetUserParams) -> FaultResult<Outcome> {
        let (current, facts) = self
            .load(&params.user(), params.changes.touches_authentication())
            .await?;
        let applied = user_rules::apply_changes(&current, &params.changes, Timestamp::now())?;
        check_expressible(&applied.user, &applied.changed)?;
        let mut changed = applied.changed.clone();
        // Graph keeps only the state: a requirement whose state is unchanged is no change.
        if current.mfa_state() == applied.user.mfa_state() {
            changed.retain(|c| *c != "StrongAuthenticationRequirements");
        }
        let warnings = self
            .write_user(
                current.object_id,
                &current,
                &applied.user,
                &changed,
                &params.changes,
                &facts,
            )
            .await?;
        let mut outcome =
            Outcome::of(current.object_id, changed).about(&current.user_principal_name);
        outcome.warnings = applied.warnings.iter().cloned().chain(warnings).collect();
        Ok(outcome)
    }

    async fn remove_user(&self, params: RemoveUserParams) -> FaultResult<Outcome> {
        let who = params.user();
        if params.remove_from_recycle_bin {
            let deleted = self.deleted_user(&who).await?;
            let id = deleted["id"].as_str().unwrap_or_default().to_string();
            self.write(
                Call::delete(Version::V1, format!("/directory/deletedItems/{id}")),
                Some(&who),
            )
            .await?;
            return Ok(Outcome::of(
                Uuid::parse_str(&id).unwrap_or_default(),
                ["RemovedFromRecycleBin"],
            ));
        }
        let profile = self.profile(&who).await?;
        let id = profile["id"].as_str().unwrap_or_default().to_string();
        self.write(
            Call::delete(Version::V1, format!("/users/{id}")),
            Some(&who),
        )
        .await?;
        Ok(Outcome::of(
            Uuid::parse_str(&id).unwrap_or_default(),
            ["SoftDeletionTimestamp"],
        ))
    }

    async fn restore_user(&self, params: RestoreUserParams) -> FaultResult<Outcome> {
        let who = params.user();
        let deleted = self.deleted_user(&who).await?;
        let id = deleted["id"]
            .as_str()
            .and_then(|i| Uuid::parse_str(i).ok())
            .unwrap_or_default();
        let mut changed = vec!["SoftDeletionTimestamp"];
        let new_upn = match &params.new_user_principal_name {
            Some(upn) => Some(user_rules::check_user_principal_name(
                "NewUserPrincipalName",
                upn,
                &self.verified_domains().await?,
            )?),
            None => None,
        };
        let own_upn = convert::user_principal_name(&deleted).unwrap_or_default();
        let body = match &new_upn {
            Some(upn) if !own_upn.eq_ignore_ascii_case(upn) => {
                changed.push("UserPrincipalName");
                Some(
                    json!({"newUserPrincipalName": upn, "autoReconcileProxyConflict": params.auto_reconcile_proxy_conflicts}),
                )
            }
            _ if params.auto_reconcile_proxy_conflicts => {
                Some(json!({"autoReconcileProxyConflict": true}))
            }
            _ => None,
        };
        let restore = Call::post(
            Version::V1,
            format!("/directory/deletedItems/{id}/restore"),
            body,
        );
        match self.client.call(&restore).await {
            Ok(_) => {}
            // The restore page documents no error codes: a conflict is a 400 naming the property.
            Err(GraphFailure::Graph(error))
                if error.status == 400 && error.message.contains("userPrincipalName") =>
            {
                return Err(Fault::RestoreNotAllowed(format!(
                    "Another user now has the user principal name {own_upn}: give the restored user a new one with NewUserPrincipalName. ({error})"
                )))
            }
            Err(GraphFailure::Graph(error))
                if error.status == 400 && error.message.contains("proxyAddresses") =>
            {
                return Err(Fault::RestoreNotAllowed(format!(
                    "Another object now has one of the user's proxy addresses: restore with AutoReconcileProxyConflicts to drop them. ({error})"
                )))
            }
            Err(failure) => return Err(fault(failure, Some(&who))),
        }
        Ok(Outcome::of(id, changed))
    }

    async fn set_user_password(
        &self,
        params: SetUserPasswordParams,
    ) -> FaultResult<Option<String>> {
        let who = params.user();
        let (user, _) = self.load(&who, false).await?;
        let profile = match password::plan_change(&user, &params)? {
            password::PasswordChange::ForceChangeOnly => {
                json!({"forceChangePasswordNextSignIn": true})
            }
            password::PasswordChange::Set {
                password,
                force_change,
            } => {
                json!({"password": password, "forceChangePasswordNextSignIn": force_change})
            }
        };
        let password = profile["password"].as_str().map(str::to_string);
        self.write(
            Call::patch(
                Version::V1,
                format!("/users/{}", user.object_id),
                json!({"passwordProfile": profile}),
            ),
            Some(&who),
        )
        .await?;
        Ok(password)
    }

    async fn set_user_principal_name(
        &self,
        params: SetUserPrincipalNameParams,
    ) -> FaultResult<Outcome> {
        let who = params.user();
        let (user, _) = self.load(&who, false).await?;
        let upn = user_rules::check_user_principal_name(
            "NewUserPrincipalName",
            &params.new_user_principal_name,
            &self.verified_domains().await?,
        )?;
        if upn == user.user_principal_name {
            return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
        }
        if user.is_synchronized() {
            return Err(Fault::NotSettable {
                field: "UserPrincipalName".to_string(),
                reason: "The user is synchronized from on-premises Active Directory: change the user principal name there.".to_string(),
            });
        }
        let mut patch = json!({"userPrincipalName": upn});
        if let Some(immutable) = params
            .immutable_id
            .as_deref()
            .map(str::trim)
            .filter(|i| !i.is_empty())
        {
            patch["onPremisesImmutableId"] = json!(immutable);
        }
        if let Some(password) = &params.new_password {
            password::given_or_generated(
                "NewPassword",
                Some(password),
                &upn,
                user.strong_password_required,
            )?;
            patch["passwordProfile"] =
                json!({"password": password, "forceChangePasswordNextSignIn": true});
        }
        self.write(
            Call::patch(Version::V1, format!("/users/{}", user.object_id), patch),
            Some(&UserRef::by_upn(upn.clone())),
        )
        .await
        .map_err(|f| match f {
            Fault::UserAlreadyExists(_) => Fault::UserAlreadyExists(upn.clone()),
            other => other,
        })?;
        Ok(Outcome::of(user.object_id, ["UserPrincipalName"]))
    }

    async fn set_user_license(&self, params: SetUserLicenseParams) -> FaultResult<Outcome> {
        let (mut user, _) = self.load(&params.user(), false).await?;
        let before = user.licenses.clone();
        let catalog = self.fresh_catalog().await?;
        let change = licensing::apply(
            &mut user,
            &catalog,
            params.add_licenses.as_deref().unwrap_or_default(),
            params.remove_licenses.as_deref().unwrap_or_default(),
            params.license_options.as_deref().unwrap_or_default(),
        )?;
        if !change.changed {
            return Ok(Outcome::of(user.object_id, Vec::<String>::new()));
        }
        let removed: Vec<Uuid> = before
            .iter()
            .filter(|l| {
                !user
                    .licenses
                    .iter()
                    .any(|n| n.account_sku_id == l.account_sku_id)
            })
            .filter_map(|l| {
                catalog
                    .subscriptions
                    .iter()
                    .find(|(s, _)| catalog.account_sku_id(s) == l.account_sku_id)
                    .map(|(s, _)| s.sku_id)
            })
            .collect();
        self.assign_licenses(user.object_id, &user, &catalog, &removed)
            .await?;
        Ok(Outcome::of(user.object_id, ["Licenses"]))
    }

    async fn reset_strong_authentication(&self, user: &UserRef) -> FaultResult<Outcome> {
        let (loaded, facts) = self.load(user, true).await?;
        let cleared = self.clear_methods(loaded.object_id, &facts).await?;
        Ok(Outcome::of(
            loaded.object_id,
            if cleared {
                vec!["StrongAuthenticationMethods"]
            } else {
                Vec::new()
            },
        ))
    }

    async fn roles(&self) -> FaultResult<Vec<Role>> {
        let templates = self.all_pages("/directoryRoleTemplates").await?;
        Ok(templates
            .iter()
            .filter_map(|t| Some(convert::role(Uuid::parse_str(t["id"].as_str()?).ok()?, t)))
            .collect())
    }

    async fn role_members(
        &self,
        role: Uuid,
        query: &MemberQuery<RoleMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<RoleMember>> {
        let objects = self.role_member_objects(role).await?;
        let user_ids: Vec<Uuid> = objects
            .iter()
            .filter(|o| convert::member_type(o) == RoleMemberType::User)
            .filter_map(|o| o["id"].as_str().and_then(|i| Uuid::parse_str(i).ok()))
            .collect();
        let facts = self.auth_facts(&user_ids).await;
        let states: std::collections::HashMap<Uuid, Option<RequirementState>> = user_ids
            .iter()
            .zip(facts)
            .map(|(id, f)| {
                (
                    *id,
                    f.ok()
                        .and_then(|f| convert::requirement_state(f.state.as_deref())),
                )
            })
            .collect();
        let members = objects
            .iter()
            .filter_map(|o| {
                let id = o["id"].as_str().and_then(|i| Uuid::parse_str(i).ok())?;
                convert::role_member(o, states.get(&id).copied().flatten())
            })
            .filter(|m| {
                query.matches(
                    &m.role_member_type,
                    m.display_name.as_deref(),
                    m.email_address.as_deref(),
                )
            })
            .collect();
        Ok(page_of(members, &page))
    }

    async fn add_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let path = Self::role_path(role);
        let id = self.resolve_member(member).await?;
        // Graph lists and addresses activated roles only: activate on first use.
        if let Err(failure) = self
            .client
            .call(&Call::get(Version::V1, path.clone()))
            .await
        {
            if failure.status() != Some(404) {
                return Err(fault(failure, None));
            }
            self.write(
                Call::post(
                    Version::V1,
                    "/directoryRoles",
                    Some(json!({"roleTemplateId": role})),
                ),
                None,
            )
            .await?;
        }
        let reference = json!({"@odata.id": format!("{}/directoryObjects/{id}", self.client.url(Version::V1, ""))});
        match self
            .client
            .call(&Call::post(
                Version::V1,
                format!("{path}/members/$ref"),
                Some(reference),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["RoleMembership"])),
            Err(failure)
                if failure.status() == Some(400)
                    && failure.to_string().contains("already exist") =>
            {
                Err(Fault::RoleMemberAlreadyExists)
            }
            Err(GraphFailure::Uncertain(reason)) => {
                let landed = self
                    .role_member_objects(role)
                    .await?
                    .iter()
                    .any(|m| m["id"].as_str() == Some(id.to_string().as_str()));
                if landed {
                    Ok(Outcome::of(id, ["RoleMembership"]))
                } else {
                    Err(fault(GraphFailure::Uncertain(reason), None))
                }
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn remove_role_member(&self, role: Uuid, member: &MemberRef) -> FaultResult<Outcome> {
        let path = Self::role_path(role);
        let id = self.resolve_member(member).await?;
        match self
            .client
            .call(&Call::delete(
                Version::V1,
                format!("{path}/members/{id}/$ref"),
            ))
            .await
        {
            Ok(_) => Ok(Outcome::of(id, ["RoleMembership"])),
            Err(failure) if failure.status() == Some(404) => Err(Fault::RoleMemberNotFound),
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn user_roles(&self, user: &UserRef) -> FaultResult<Vec<Role>> {
        let profile = self.profile(user).await?;
        let id = profile["id"].as_str().unwrap_or_default();
        let held = self
            .all_pages(&format!("/users/{id}/transitiveMemberOf"))
            .await?;
        let mut roles_held: Vec<Role> = held
            .iter()
            .filter(|o| o["@odata.type"] == "#microsoft.graph.directoryRole")
            .filter_map(|o| {
                Some(convert::role(
                    Uuid::parse_str(o["roleTemplateId"].as_str()?).ok()?,
                    o,
                ))
            })
            .collect();
        roles_held.sort_by_key(|r| r.object_id);
        roles_held.dedup_by_key(|r| r.object_id);
        Ok(roles_held)
    }

    async fn groups(&self, query: &GroupQuery, page: PageRequest) -> FaultResult<Page<Group>> {
        let objects = match &query.member {
            Some(member) => {
                let profile = self.profile(member).await?;
                let id = profile["id"].as_str().unwrap_or_default().to_string();
                self.all_pages(&format!("/users/{id}/memberOf"))
                    .await?
                    .into_iter()
                    .filter(|o| o["@odata.type"] == "#microsoft.graph.group")
                    .collect()
            }
            None => self.all_pages("/groups?$top=999").await?,
        };
        let groups = objects
            .iter()
            .filter_map(convert::group)
            .filter(|g| query.group_type.is_none_or(|t| t == g.group_type))
            .filter(|g| !query.has_errors_only || !g.errors.is_empty())
            .filter(|g| {
                query
                    .has_license_errors_only
                    .is_none_or(|only| !only || g.has_license_errors)
            })
            .filter(|g| {
                crate::domain::query::name_or_address_starts_with(
                    Some(&g.display_name),
                    g.email_address.as_deref(),
                    query.search_string.as_deref(),
                )
            })
            .collect();
        Ok(page_of(groups, &page))
    }

    async fn group(&self, id: Uuid) -> FaultResult<Group> {
        match self
            .client
            .call(&Call::get(Version::V1, format!("/groups/{id}")))
            .await
        {
            Ok(reply) => {
                convert::group(&reply.body).ok_or_else(|| Fault::GroupNotFound(id.to_string()))
            }
            Err(failure) if failure.status() == Some(404) => {
                Err(Fault::GroupNotFound(id.to_string()))
            }
            Err(failure) => Err(fault(failure, None)),
        }
    }

    async fn group_members(
        &self,
        group: Uuid,
        query: &MemberQuery<GroupMemberType>,
        page: PageRequest,
    ) -> FaultResult<Page<GroupMember>> {
        self.group(group).await?;
        let members = self
            .all_pages(&format!("/groups/{group}/members"))
            .await?
            .iter()
            .filter_map(convert::group_member)
            .filter(|m| {
                query.matches(
                    &m.group_member_type,
                    m.display_name.as_deref(),
                    m.email_address.as_deref(),
                )
            })
            .collect();
        Ok(page_of(members, &page))
    }
}

impl GraphDirectory {
    /// `assignLicense` with the user's licences as `licensing::apply` left them, and `removed` SKUs.
    async fn assign_licenses(
        &self,
        id: Uuid,
        user: &User,
        catalog: &LicenseCatalog,
        removed: &[Uuid],
    ) -> FaultResult<()> {
        let add: Vec<Value> = user
            .licenses
            .iter()
            .filter_map(|license| {
                let (subscription, _) = catalog
                    .subscriptions
                    .iter()
                    .find(|(s, _)| catalog.account_sku_id(s) == license.account_sku_id)?;
                let disabled_ids = licensing::disabled_plan_ids(license, subscription);
                Some(json!({"skuId": subscription.sku_id, "disabledPlans": disabled_ids}))
            })
            .collect();
        self.write(
            Call::post(
                Version::V1,
                format!("/users/{id}/assignLicense"),
                Some(json!({"addLicenses": add, "removeLicenses": removed})),
            )
            .repeatable(),
            Some(&UserRef::by_id(id)),
        )
        .await?;
        Ok(())
    }
}
