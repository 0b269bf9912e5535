//! Per-user MFA on Graph: the authentication methods behind StrongAuthenticationMethods (phones,
//! Authenticator, OATH tokens), the sign-in preference (the default method), and their writes in
//! the order Graph requires.

use super::*;

pub(super) fn mfa_state_name(state: Option<RequirementState>) -> &'static str {
    match state {
        None => "disabled",
        Some(RequirementState::Enabled) => "enabled",
        Some(RequirementState::Enforced) => "enforced",
    }
}

/// One write in the order Graph's rules require.
pub(super) struct Write {
    pub(super) call: Call,
    /// Present for POSTs whose lost answer is checked by reading the phone list.
    pub(super) creates_phone: Option<String>,
}

impl GraphDirectory {
    /// The tenant's phone channels (the sms and voice method configurations), read at most once a
    /// minute like the catalog. A policy that cannot be read (no Policy.Read.All, or no role to
    /// read it) counts as allowing both, as Graph's own listing of a phone does.
    pub(super) async fn phone_channels(&self) -> PhoneChannels {
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
    pub(super) async fn auth_facts(&self, ids: &[Uuid]) -> Vec<FaultResult<AuthFacts>> {
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

    /// Phones to add, change and remove so the registered phones match the requested methods,
    /// then the default. Masked numbers are never compared or written back.
    pub(super) async fn write_methods(
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
    pub(super) async fn write_phone(
        &self,
        who: &UserRef,
        id: Uuid,
        write: Write,
    ) -> FaultResult<()> {
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
    pub(super) async fn set_preferred(&self, id: Uuid, method: &str) -> FaultResult<()> {
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

    pub(super) async fn clear_methods(&self, id: Uuid, facts: &AuthFacts) -> FaultResult<bool> {
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
}
