//! A user's authentication methods: phones, apps, hardware tokens and the MSOnline-era requirements.

use super::*;

pub(super) fn phone_json(kind: PhoneType, number: &str, masked: bool) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
        "id": kind.id(),
        "phoneNumber": if masked { mask(number) } else { number.to_string() },
        "phoneType": kind.name(),
        "smsSignInState": if kind == PhoneType::Mobile { "notAllowedByPolicy" } else { "notSupported" },
    })
}

pub(super) fn app_json(kind: &str, app: &crate::state::AppMethod) -> Value {
    if kind == "softwareOath" {
        json!({"@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod", "id": app.id, "secretKey": null})
    } else {
        json!({
            "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            "id": app.id, "displayName": app.display_name, "deviceTag": app.device_tag,
            "phoneAppVersion": app.phone_app_version, "createdDateTime": graph_time(app.created),
        })
    }
}

/// Graph's phone number format: `+{country code} {number}` with an optional `x{extension}`.
pub(super) fn hardware_json(token: &crate::state::HardwareToken, with_device: bool) -> Value {
    let mut value = json!({
        "@odata.type": "#microsoft.graph.hardwareOathAuthenticationMethod",
        "id": token.id,
    });
    if with_device {
        value["device"] = json!({
            "id": token.id,
            "serialNumber": token.serial_number,
            "displayName": token.display_name,
            "status": if token.activated { "activated" } else { "assigned" },
        });
    }
    value
}

pub(super) fn valid_phone_number(number: &str) -> bool {
    let Some(rest) = number.strip_prefix('+') else {
        return false;
    };
    let Some((country, subscriber)) = rest.split_once(' ') else {
        return false;
    };
    let (subscriber, extension) = match subscriber.split_once('x') {
        Some((s, e)) => (s, Some(e)),
        None => (subscriber, None),
    };
    !country.is_empty()
        && country.len() <= 3
        && country.chars().all(|c| c.is_ascii_digit())
        && (4..=15).contains(&subscriber.len())
        && subscriber.chars().all(|c| c.is_ascii_digit())
        && extension.is_none_or(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_digit()))
}

/// The MSOnline-era default method a phone backs, so that deleting it is refused while others remain.
pub(super) fn is_default_phone(user: &SimUser, kind: PhoneType) -> bool {
    let preferred = user.auth.preferred_method.as_deref();
    match kind {
        PhoneType::Mobile => matches!(preferred, Some("sms") | Some("voiceMobile")),
        PhoneType::AlternateMobile => preferred == Some("voiceAlternateMobile"),
        PhoneType::Office => preferred == Some("voiceOffice"),
    }
}

pub(super) const DEFAULT_DELETE_MESSAGE: &str = "Cannot delete default method with other methods configured. Please change default method before deletion.";

pub(super) fn authentication(
    tenant: &mut SimTenant,
    index: usize,
    rest: &[&str],
    request: &SimRequest,
    standing: &Standing,
) -> SimResponse {
    let beta_only = matches!(
        rest.first(),
        Some(&"requirements") | Some(&"signInPreferences") | Some(&"hardwareOathMethods")
    );
    if beta_only && request.version != Version::Beta {
        // UNCONFIRMED in reference/graph.md section 10: Graph's answer for a beta-only segment on v1.0.
        return error(
            400,
            "BadRequest",
            &format!("Resource not found for the segment '{}'.", rest[0]),
        );
    }
    let base = request.base_url.clone();
    let version = request.version.segment();
    let user = &mut tenant.users[index];
    let body = request.body.clone().unwrap_or(Value::Null);
    match (request.method.as_str(), rest) {
        ("GET", ["requirements"]) => SimResponse::json(
            200,
            json!({
                "@odata.context": format!("{base}/beta/$metadata#users('{}')/authentication/requirements", user.id),
                "perUserMfaState": user.auth.per_user_mfa_state,
            }),
        ),
        ("PATCH", ["requirements"]) => {
            let state = match body["perUserMfaState"].as_str() {
                Some(s @ ("disabled" | "enabled" | "enforced")) => s,
                _ => {
                    return bad_request(
                        "Invalid value for perUserMfaState: use disabled, enabled or enforced.",
                    )
                }
            };
            // Documented rule: enabling a user who has a registered method makes them enforced.
            let state = if state == "enabled" && user.auth.has_mfa_method() {
                "enforced"
            } else {
                state
            };
            user.auth.per_user_mfa_state = state.to_string();
            SimResponse::no_content()
        }
        ("GET", ["signInPreferences"]) => SimResponse::json(
            200,
            json!({
                "@odata.context": format!("{base}/beta/$metadata#users('{}')/authentication/signInPreferences/$entity", user.id),
                "isSystemPreferredAuthenticationMethodEnabled": user.auth.system_preferred,
                "userPreferredMethodForSecondaryAuthentication": user.auth.preferred_method,
            }),
        ),
        ("PATCH", ["signInPreferences"]) => {
            if let Some(value) = body.get("userPreferredMethodForSecondaryAuthentication") {
                let method = value.as_str().unwrap_or("");
                let registered = match method {
                    "sms" | "voiceMobile" => user.auth.phones.contains_key(&PhoneType::Mobile),
                    "voiceAlternateMobile" => user.auth.phones.contains_key(&PhoneType::AlternateMobile),
                    "voiceOffice" => user.auth.phones.contains_key(&PhoneType::Office),
                    "push" => !user.auth.authenticators.is_empty(),
                    "oath" => !user.auth.software_oath.is_empty() || !user.auth.authenticators.is_empty(),
                    _ => return methods_bad_request("Invalid value for userPreferredMethodForSecondaryAuthentication: use push, oath, voiceMobile, voiceAlternateMobile, voiceOffice or sms."),
                };
                if !registered {
                    return methods_bad_request(&format!(
                        "The user has no registered method for '{method}'."
                    ));
                }
                user.auth.preferred_method = Some(method.to_string());
            }
            if let Some(enabled) = body
                .get("isSystemPreferredAuthenticationMethodEnabled")
                .and_then(Value::as_bool)
            {
                user.auth.system_preferred = enabled;
            }
            SimResponse::no_content()
        }
        ("GET", ["methods"]) => {
            let mut items = vec![
                json!({"@odata.type": "#microsoft.graph.passwordAuthenticationMethod", "id": PASSWORD_METHOD_ID, "password": null, "createdDateTime": user.last_password_change_date_time}),
            ];
            items.extend(
                user.auth
                    .phones
                    .iter()
                    .map(|(k, n)| phone_json(*k, n, standing.masked_phones)),
            );
            items.extend(
                user.auth
                    .authenticators
                    .iter()
                    .map(|a| app_json("authenticator", a)),
            );
            items.extend(
                user.auth
                    .software_oath
                    .iter()
                    .map(|a| app_json("softwareOath", a)),
            );
            if let Some(email) = &user.auth.email {
                items.push(json!({"@odata.type": "#microsoft.graph.emailAuthenticationMethod", "id": "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", "emailAddress": email}));
            }
            // Hardware OATH tokens are a beta method type.
            if request.version == Version::Beta {
                items.extend(
                    user.auth
                        .hardware_oath
                        .iter()
                        .map(|t| hardware_json(t, false)),
                );
            }
            collection(
                format!(
                    "{base}/{version}/$metadata#users('{}')/authentication/methods",
                    user.id
                ),
                items,
            )
        }
        // beta hardwareoathauthenticationmethod-list, -get (`$expand=device` brings the token's
        // status), and hardwareoathauthenticationmethod-deactivate.
        ("GET", ["hardwareOathMethods"]) => {
            let expand = request
                .param("$expand")
                .is_some_and(|e| e.contains("device"));
            collection(
                format!(
                    "{base}/{version}/$metadata#users('{}')/authentication/hardwareOathMethods",
                    user.id
                ),
                user.auth
                    .hardware_oath
                    .iter()
                    .map(|t| hardware_json(t, expand))
                    .collect(),
            )
        }
        ("POST", ["hardwareOathMethods", id, "deactivate"]) => {
            match user.auth.hardware_oath.iter_mut().find(|t| t.id == *id) {
                Some(token) => {
                    token.activated = false;
                    SimResponse::no_content()
                }
                None => not_found(id),
            }
        }
        ("GET", ["phoneMethods"]) => collection(
            format!(
                "{base}/{version}/$metadata#users('{}')/authentication/phoneMethods",
                user.id
            ),
            user.auth
                .phones
                .iter()
                .map(|(k, n)| phone_json(*k, n, standing.masked_phones))
                .collect(),
        ),
        ("POST", ["phoneMethods"]) => {
            if body.get("smsSignInState").is_some() {
                return methods_bad_request("smsSignInState is read-only.");
            }
            let (Some(number), Some(kind)) = (
                body["phoneNumber"].as_str(),
                body["phoneType"].as_str().and_then(PhoneType::from_name),
            ) else {
                return methods_bad_request(
                    "phoneNumber and phoneType (mobile, alternateMobile or office) are required.",
                );
            };
            // The bodies of these refusals are UNCONFIRMED (reference/graph.md 2.2): badRequest, naming the rule.
            if !valid_phone_number(number) {
                return methods_bad_request(&format!("Invalid phoneNumber '{number}': use the format +{{country code}} {{number}}x{{extension}}."));
            }
            if user.auth.phones.contains_key(&kind) {
                return methods_bad_request(&format!(
                    "The user already has a phone method of type {}.",
                    kind.name()
                ));
            }
            if kind == PhoneType::AlternateMobile
                && !user.auth.phones.contains_key(&PhoneType::Mobile)
            {
                return methods_bad_request("An alternateMobile phone needs a mobile phone first.");
            }
            user.auth.phones.insert(kind, number.to_string());
            if user.auth.per_user_mfa_state == "enabled" {
                user.auth.per_user_mfa_state = "enforced".to_string();
            }
            let mut created = phone_json(kind, number, false);
            created["smsSignInState"] = json!(if kind == PhoneType::Mobile {
                "ready"
            } else {
                "notSupported"
            });
            SimResponse::json(201, created)
        }
        (method, ["phoneMethods", id]) => {
            let Some(kind) = PhoneType::from_id(id).filter(|k| user.auth.phones.contains_key(k))
            else {
                return not_found(id);
            };
            match method {
                "GET" => SimResponse::json(
                    200,
                    phone_json(kind, &user.auth.phones[&kind], standing.masked_phones),
                ),
                "PATCH" => {
                    if body
                        .get("phoneType")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t != kind.name())
                    {
                        return methods_bad_request("phoneType cannot be changed: add a phone of the new type and delete this one.");
                    }
                    let Some(number) = body["phoneNumber"].as_str() else {
                        return methods_bad_request("phoneNumber is required.");
                    };
                    if !valid_phone_number(number) {
                        return methods_bad_request(&format!("Invalid phoneNumber '{number}': use the format +{{country code}} {{number}}x{{extension}}."));
                    }
                    user.auth.phones.insert(kind, number.to_string());
                    SimResponse::no_content()
                }
                "DELETE" => {
                    if kind == PhoneType::Mobile
                        && user.auth.phones.contains_key(&PhoneType::AlternateMobile)
                    {
                        return methods_bad_request("A mobile phone cannot be deleted while an alternateMobile phone exists: update the mobile number, then delete the alternate.");
                    }
                    if is_default_phone(user, kind) && user.auth.mfa_method_count() > 1 {
                        return methods_bad_request(&format!("The requested authentication method id of [{}] matches the user's current default authentication method, and cannot be deleted until the default authentication method is changed", kind.id()));
                    }
                    user.auth.phones.remove(&kind);
                    if is_default_phone(user, kind) {
                        user.auth.preferred_method = None;
                    }
                    SimResponse::no_content()
                }
                _ => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
            }
        }
        (method, [collection_name, rest @ ..])
            if *collection_name == "microsoftAuthenticatorMethods"
                || *collection_name == "softwareOathMethods" =>
        {
            let (kind, preferred) = if *collection_name == "softwareOathMethods" {
                ("softwareOath", "oath")
            } else {
                ("authenticator", "push")
            };
            let apps = if kind == "softwareOath" {
                &mut user.auth.software_oath
            } else {
                &mut user.auth.authenticators
            };
            match (method, rest) {
                ("GET", []) => collection(
                    format!(
                        "{base}/{version}/$metadata#users('{}')/authentication/{collection_name}",
                        user.id
                    ),
                    apps.iter().map(|a| app_json(kind, a)).collect(),
                ),
                ("GET", [id]) => match apps.iter().find(|a| a.id == *id) {
                    Some(app) => SimResponse::json(200, app_json(kind, app)),
                    None => not_found(id),
                },
                ("DELETE", [id]) => {
                    let Some(position) = apps.iter().position(|a| a.id == *id) else {
                        return not_found(id);
                    };
                    let others = user.auth.mfa_method_count() > 1;
                    let is_default = user.auth.preferred_method.as_deref() == Some(preferred)
                        && (kind == "authenticator" && user.auth.authenticators.len() == 1
                            || kind == "softwareOath" && user.auth.software_oath.len() == 1);
                    if is_default && others {
                        return methods_bad_request(DEFAULT_DELETE_MESSAGE);
                    }
                    let apps = if kind == "softwareOath" {
                        &mut user.auth.software_oath
                    } else {
                        &mut user.auth.authenticators
                    };
                    apps.remove(position);
                    if is_default {
                        user.auth.preferred_method = None;
                    }
                    SimResponse::no_content()
                }
                ("POST", []) => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
                _ => error(
                    405,
                    "Request_BadRequest",
                    "Specified HTTP method is not allowed for the request target.",
                ),
            }
        }
        ("GET", ["passwordMethods"]) => collection(
            format!(
                "{base}/{version}/$metadata#users('{}')/authentication/passwordMethods",
                user.id
            ),
            vec![
                json!({"id": PASSWORD_METHOD_ID, "password": null, "createdDateTime": user.last_password_change_date_time}),
            ],
        ),
        ("DELETE", ["emailMethods", _]) => {
            if user.auth.email.take().is_none() {
                return not_found(rest[1]);
            }
            SimResponse::no_content()
        }
        _ => error(
            400,
            "BadRequest",
            &format!(
                "Resource not found for the segment '{}'.",
                rest.last().unwrap_or(&"")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_follow_graphs_format() {
        assert!(valid_phone_number("+1 4255550101"));
        assert!(valid_phone_number("+44 2079460000x12"));
        assert!(!valid_phone_number("+14255550101"));
        assert!(!valid_phone_number("425 555 0101"));
        assert_eq!(mask("+1 4255550101"), "+1 XXXXXXXX01");
    }
}
