//! Users on Graph: listing, reading, creating, changing, deleting and restoring them, their
//! passwords and user principal names. Their MFA methods are in `mfa.rs`.

use super::mfa::mfa_state_name;
use super::*;

/// Synchronized users' profile properties Set-MsolUser may not change (on-premises mastered).
pub(super) const PROFILE_FIELDS: &[(&str, &str)] = &[
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

pub(super) fn text_value(value: &Option<String>) -> Value {
    value.as_ref().map_or(Value::Null, |v| json!(v))
}

/// The PATCH body for the profile properties that changed (only those).
pub(super) fn profile_patch(before: &User, after: &User, changed: &[&str]) -> Map<String, Value> {
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

/// Refuses, before anything is written, what Graph cannot store: an alternate mobile phone that
/// does not become a TwoWayVoiceAlternateMobile method in the same change.
pub(super) fn check_expressible(after: &User, changed: &[&str]) -> FaultResult<()> {
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

impl GraphDirectory {
    pub(super) async fn users_from_profiles(
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

    pub(super) async fn profile(&self, user: &UserRef) -> FaultResult<Value> {
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
    pub(super) async fn load(
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

    pub(super) async fn deleted_user(&self, user: &UserRef) -> FaultResult<Value> {
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

    /// Writes what `apply_changes` decided: profile first, phones in Graph's order, the default,
    /// then removals, the per-user MFA state last (so Graph's enabled-to-enforced rule sees the methods).
    pub(super) async fn write_user(
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
}

#[async_trait]
impl UserDirectory for GraphDirectory {
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
            return Ok(Page::slice(users, &page));
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
}
