//! The organization and its domains (graph/api/organization-get, organization-update, domain-get,
//! domain-list, domain-update).

use super::*;

pub(super) fn organization(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let mut org = json!({
        "id": tenant.id,
        "displayName": tenant.display_name,
        "createdDateTime": tenant.created,
        "tenantType": "AAD",
        "verifiedDomains": tenant.domains.iter().filter(|d| d.is_verified).map(|d| json!({
            "name": d.id, "isDefault": d.is_default, "isInitial": d.is_initial,
            "type": d.authentication_type, "capabilities": "Email, OfficeCommunicationsOnline",
        })).collect::<Vec<_>>(),
    });
    if let (Value::Object(org), Value::Object(extra)) = (&mut org, &tenant.organization_extra) {
        org.extend(extra.clone());
    }
    collection(
        format!("{}/v1.0/$metadata#organization", request.base_url),
        vec![org],
    )
}

pub(super) fn domain_json(domain: &crate::state::SimDomain) -> Value {
    json!({
        "id": domain.id,
        "authenticationType": domain.authentication_type,
        "isAdminManaged": true,
        "isDefault": domain.is_default,
        "isInitial": domain.is_initial,
        "isRoot": domain.is_root,
        "isVerified": domain.is_verified,
        "supportedServices": domain.supported_services,
        "passwordValidityPeriodInDays": domain.password_validity_period_in_days,
        "passwordNotificationWindowInDays": domain.password_notification_window_in_days,
    })
}

/// The services graph/api/resources/domain says a caller can add or remove.
const SETTABLE_SERVICES: &[&str] = &["Email", "OfficeCommunicationsOnline", "Yammer"];

/// `PATCH /domains/{id}` (graph/api/domain-update): 204 No Content. "Only verified domains can
/// be updated" (the refusal's text is UNCONFIRMED: a 400 that says so). The whole body is
/// checked before anything changes.
pub(super) fn update_domain(
    tenant: &mut SimTenant,
    name: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    if !tenant.domains[index].is_verified {
        return bad_request(&format!(
            "Domain {} is not verified; only verified domains can be updated.",
            tenant.domains[index].id
        ));
    }
    let int32 =
        |value: &Value| value.is_null() || value.as_i64().is_some_and(|v| i32::try_from(v).is_ok());
    for (key, value) in patch {
        let typed = match key.as_str() {
            annotation if annotation.starts_with('@') => true,
            "isDefault" => value == &Value::Bool(true),
            "supportedServices" => value.as_array().is_some_and(|items| {
                items
                    .iter()
                    .all(|i| i.as_str().is_some_and(|s| SETTABLE_SERVICES.contains(&s)))
            }),
            "passwordValidityPeriodInDays" | "passwordNotificationWindowInDays" => int32(value),
            // domain-update: authenticationType takes Domain-InternalFederation.ReadWrite.All; a
            // domain becomes federated only with a federationConfiguration, so PATCH takes Managed.
            "authenticationType" => {
                if !request
                    .caller
                    .permissions
                    .contains("Domain-InternalFederation.ReadWrite.All")
                {
                    return denied();
                }
                value == "Managed"
            }
            _ => {
                return bad_request(&format!(
                "Property '{key}' is read-only or does not exist on type 'microsoft.graph.domain'."
            ))
            }
        };
        if !typed {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'Domain'."
            ));
        }
    }
    let days = |value: &Value| value.as_i64().map(|v| v as i32);
    if patch.get("isDefault") == Some(&Value::Bool(true)) {
        for (i, domain) in tenant.domains.iter_mut().enumerate() {
            domain.is_default = i == index;
        }
    }
    let domain = &mut tenant.domains[index];
    if let Some(services) = patch.get("supportedServices").and_then(Value::as_array) {
        domain.supported_services = services
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    }
    if let Some(value) = patch.get("passwordValidityPeriodInDays") {
        domain.password_validity_period_in_days = days(value);
    }
    if let Some(value) = patch.get("passwordNotificationWindowInDays") {
        domain.password_notification_window_in_days = days(value);
    }
    if patch.get("authenticationType").is_some() {
        domain.authentication_type = "Managed".to_string();
        domain.federation = None;
    }
    SimResponse::no_content()
}

/// The organization's properties graph/api/organization-update lets a caller write, plus
/// `onPremisesSyncEnabled`, which office365/enterprise/turn-off-directory-synchronization sets
/// with the same request.
const WRITABLE_ORGANIZATION: &[&str] = &[
    "marketingNotificationEmails",
    "privacyProfile",
    "securityComplianceNotificationMails",
    "securityComplianceNotificationPhones",
    "technicalNotificationMails",
    "onPremisesSyncEnabled",
];

/// `PATCH /organization/{id}`: 204 No Content. The whole body is checked before anything changes.
pub(super) fn update_organization(
    tenant: &mut SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    if !id.eq_ignore_ascii_case(&tenant.id.to_string()) {
        return not_found(id);
    }
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    for (key, value) in patch {
        // Instance annotations such as the `@odata.type` SDKs send are not properties.
        if key.starts_with('@') {
            continue;
        }
        if !WRITABLE_ORGANIZATION.contains(&key.as_str()) {
            return bad_request(&format!(
                "Property '{key}' is read-only or does not exist on type 'microsoft.graph.organization'."
            ));
        }
        let typed = match key.as_str() {
            "onPremisesSyncEnabled" => value.is_boolean(),
            "privacyProfile" => value.is_object() || value.is_null(),
            _ => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
        };
        if !typed {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'Organization'."
            ));
        }
    }
    let now = chrono::Utc::now();
    if let Some(enable) = patch.get("onPremisesSyncEnabled").and_then(Value::as_bool) {
        let enabled = tenant.organization_extra["onPremisesSyncEnabled"] == Value::Bool(true);
        if enable && !enabled {
            // "You must wait 72 hours before you can turn directory synchronization back on."
            // Graph's error for an earlier attempt is UNCONFIRMED: a 400 that says so.
            if let Some(off) = tenant.on_premises_sync_turned_off_at {
                if now < off + chrono::Duration::hours(72) {
                    return bad_request(&format!(
                        "Directory synchronization was turned off at {}; it cannot be turned back on until 72 hours later.",
                        crate::state::graph_time(off)
                    ));
                }
            }
        }
        if !enable && enabled {
            // Turning off converts every synchronized object to cloud-only: false marks an
            // object that was synchronized and no longer is (resources/user).
            tenant.on_premises_sync_turned_off_at = Some(now);
            for user in &mut tenant.users {
                if user.on_premises_sync_enabled == Some(true) {
                    user.on_premises_sync_enabled = Some(false);
                }
            }
            for group in &mut tenant.groups {
                if group.on_premises_sync_enabled == Some(true) {
                    group.on_premises_sync_enabled = Some(false);
                }
            }
            for contact in &mut tenant.contacts {
                if contact.on_premises_sync_enabled == Some(true) {
                    contact.on_premises_sync_enabled = Some(false);
                }
            }
        }
    }
    if let Value::Object(extra) = &mut tenant.organization_extra {
        extra.extend(
            patch
                .iter()
                .filter(|(key, _)| !key.starts_with('@'))
                .map(|(k, v)| (k.clone(), v.clone())),
        );
    }
    SimResponse::no_content()
}

/// `POST /domains` (graph/api/domain-post-domains): "Id is the only property that can be
/// specified and it is required"; 201 with the new, unverified domain. A subdomain of a verified
/// domain is verified at once ("subdomain.contoso.com is automatically verified if contoso.com
/// has been verified"). The refusal of a name the tenant holds is UNCONFIRMED: Graph's usual
/// 400 for a repeated key.
pub(super) fn add_domain(tenant: &mut SimTenant, request: &SimRequest) -> SimResponse {
    let Some(body) = request.body.as_ref().and_then(Value::as_object) else {
        return bad_request("The request body must be a domain object.");
    };
    if let Some(other) = body.keys().find(|k| k.as_str() != "id") {
        return bad_request(&format!(
            "Property '{other}' cannot be set when a domain is created: id is the only property that can be specified."
        ));
    }
    let Some(id) = body["id"]
        .as_str()
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| s.contains('.'))
    else {
        return bad_request(
            "Property 'id' is required: the fully qualified domain name to create.",
        );
    };
    if tenant
        .domains
        .iter()
        .any(|d| d.id.eq_ignore_ascii_case(&id))
    {
        return bad_request("Another object with the same value for property id already exists.");
    }
    let parent = tenant
        .domains
        .iter()
        .any(|d| d.is_verified && id.ends_with(&format!(".{}", d.id.to_ascii_lowercase())));
    let mut domain = crate::state::SimDomain::added(id);
    if parent {
        domain.is_verified = true;
        domain.is_root = false;
    }
    let value = domain_json(&domain);
    tenant.domains.push(domain);
    SimResponse::json(201, value)
}

/// A domain's two verification records, TXT and MX (graph/api/domain-list-
/// verificationdnsrecords; graph/api/resources/domaindnstxtrecord, domaindnsmxrecord). The ids
/// are the simulator's, derived from the domain and the kind.
pub(super) fn verification_records(
    tenant: &SimTenant,
    name: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    let domain = &tenant.domains[index];
    let id = |kind: u8| {
        let mut bytes = [kind; 16];
        for (i, b) in domain.verification_code.bytes().enumerate() {
            bytes[i % 16] ^= b;
        }
        Uuid::from_bytes(bytes)
    };
    collection(
        format!(
            "{}/v1.0/$metadata#domains('{}')/verificationDnsRecords",
            request.base_url, domain.id
        ),
        vec![
            json!({
                "@odata.type": "#microsoft.graph.domainDnsTxtRecord",
                "id": id(1),
                "isOptional": false,
                "label": domain.id,
                "recordType": "Txt",
                "supportedService": null,
                "ttl": 3600,
                "text": format!("MS={}", domain.verification_code),
            }),
            json!({
                "@odata.type": "#microsoft.graph.domainDnsMxRecord",
                "id": id(2),
                "isOptional": false,
                "label": domain.id,
                "recordType": "Mx",
                "supportedService": null,
                "ttl": 3600,
                "mailExchange": format!("{}.msv1.invalid", domain.verification_code),
                "preference": 32767,
            }),
        ],
    )
}

/// `POST /domains/{id}/verify` (graph/api/domain-verify): 200 with the domain once public DNS
/// holds its TXT or MX verification record. The page documents no refusals: a verified domain
/// ("Only applies to an unverified domain") and a missing record are 400s whose texts are
/// UNCONFIRMED.
pub(super) fn verify_domain(tenant: &mut SimTenant, name: &str) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    let domain = &tenant.domains[index];
    if domain.is_verified {
        return bad_request(&format!("Domain {} is already verified.", domain.id));
    }
    let txt = format!("MS={}", domain.verification_code);
    let mx = format!("{}.msv1.invalid", domain.verification_code);
    let proven = tenant.published_dns.iter().any(|r| {
        r.domain.eq_ignore_ascii_case(&domain.id)
            && match r.record_type.as_str() {
                "TXT" => r.value.trim() == txt,
                "MX" => r
                    .value
                    .trim()
                    .trim_end_matches('.')
                    .eq_ignore_ascii_case(&mx),
                _ => false,
            }
    });
    if !proven {
        return bad_request(&format!(
            "Domain verification failed with the following error: the TXT record {txt} or the MX record {mx} was not found at {}.",
            domain.id
        ));
    }
    tenant.domains[index].is_verified = true;
    SimResponse::json(200, domain_json(&tenant.domains[index]))
}

/// `GET /policies/authorizationPolicy` (graph/api/authorizationpolicy-get).
pub(super) fn authorization_policy(tenant: &SimTenant, request: &SimRequest) -> SimResponse {
    let mut policy = tenant.authorization_policy.clone();
    policy["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#policies/authorizationPolicy/$entity",
        request.base_url
    ));
    SimResponse::json(200, policy)
}

/// The authorizationPolicy properties a caller may update, and their JSON types
/// (graph/api/authorizationpolicy-update's request body table).
const POLICY_FLAGS: &[&str] = &[
    "allowEmailVerifiedUsersToJoinOrganization",
    "allowUserConsentForRiskyApps",
    "allowedToSignUpEmailBasedSubscriptions",
    "allowedToUseSSPR",
    "blockMsolPowerShell",
];
const ROLE_FLAGS: &[&str] = &[
    "allowedToCreateApps",
    "allowedToCreateSecurityGroups",
    "allowedToCreateTenants",
    "allowedToReadBitlockerKeysForOwnedDevice",
    "allowedToReadOtherUsers",
];
const INVITERS: &[&str] = &[
    "none",
    "adminsAndGuestInviters",
    "adminsGuestInvitersAndAllMembers",
    "everyone",
];

/// `PATCH /policies/authorizationPolicy` (graph/api/authorizationpolicy-update): 204; properties
/// left out keep their values. The whole body is checked before anything changes; the refusal's
/// text is UNCONFIRMED (Graph's usual 400 for a bad property).
pub(super) fn update_authorization_policy(
    tenant: &mut SimTenant,
    request: &SimRequest,
) -> SimResponse {
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    // Instance annotations such as the `@odata.type` SDKs send are not properties.
    let properties = |object: &serde_json::Map<String, Value>| {
        object
            .iter()
            .filter(|(k, _)| !k.starts_with('@'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    for (key, value) in properties(patch) {
        let fine = match key.as_str() {
            k if POLICY_FLAGS.contains(&k) => value.is_boolean(),
            "description" | "displayName" => value.is_string(),
            "guestUserRoleId" => value.as_str().is_some_and(|v| Uuid::parse_str(v).is_ok()),
            "allowInvitesFrom" => value.as_str().is_some_and(|v| INVITERS.contains(&v)),
            "defaultUserRolePermissions" => value.as_object().is_some_and(|role| {
                properties(role).iter().all(|(k, v)| match k.as_str() {
                    k if ROLE_FLAGS.contains(&k) => v.is_boolean(),
                    "permissionGrantPoliciesAssigned" => v
                        .as_array()
                        .is_some_and(|all| all.iter().all(Value::is_string)),
                    _ => false,
                })
            }),
            _ => false,
        };
        if !fine {
            return bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'AuthorizationPolicy'."
            ));
        }
    }
    for (key, value) in properties(patch) {
        match value.as_object() {
            Some(role) if key == "defaultUserRolePermissions" => {
                for (k, v) in properties(role) {
                    tenant.authorization_policy["defaultUserRolePermissions"][k] = v;
                }
            }
            _ => tenant.authorization_policy[key.as_str()] = value,
        }
    }
    SimResponse::no_content()
}

/// Whether an address (a user principal name, or a proxy address such as `smtp:a@b.com`) is in
/// `domain`.
fn in_domain(address: &str, domain: &str) -> bool {
    let address = address.split_once(':').map_or(address, |(_, a)| a);
    address
        .rsplit_once('@')
        .is_some_and(|(_, d)| d.eq_ignore_ascii_case(domain))
}

/// The objects that depend on a domain: users (deleted ones too, UNCONFIRMED) by user principal
/// name or address, groups by mail or address.
fn references(tenant: &SimTenant, domain: &str) -> Vec<Value> {
    let mut found: Vec<Value> = tenant
        .users
        .iter()
        .filter(|u| {
            in_domain(&u.user_principal_name, domain)
                || u.proxy_addresses.iter().any(|a| in_domain(a, domain))
        })
        .map(|u| json!({"@odata.type": "#microsoft.graph.user", "id": u.id, "displayName": u.display_name, "userPrincipalName": u.user_principal_name}))
        .collect();
    found.extend(
        tenant
            .groups
            .iter()
            .filter(|g| {
                g.mail.as_deref().is_some_and(|m| in_domain(m, domain))
                    || g.proxy_addresses.iter().any(|a| in_domain(a, domain))
            })
            .map(|g| json!({"@odata.type": "#microsoft.graph.group", "id": g.id, "displayName": g.display_name})),
    );
    found
}

/// `GET /domains/{id}/domainNameReferences` (graph/api/domain-list-domainnamereferences).
pub(super) fn domain_name_references(
    tenant: &SimTenant,
    name: &str,
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    collection(
        format!("{}/v1.0/$metadata#directoryObjects", request.base_url),
        references(tenant, &tenant.domains[index].id),
    )
}

/// `DELETE /domains/{id}` (graph/api/domain-delete): 204. The initial and the default domain stay,
/// and a domain that objects depend on cannot be deleted; those refusals' texts are UNCONFIRMED.
pub(super) fn delete_domain(tenant: &mut SimTenant, name: &str) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    let domain = &tenant.domains[index];
    if domain.is_initial || domain.is_default {
        return bad_request(&format!(
            "Domain {} is the initial or the default domain and cannot be deleted.",
            domain.id
        ));
    }
    if !references(tenant, &domain.id).is_empty() {
        return bad_request(&format!(
            "Domain {} cannot be deleted: directory objects reference it (see domainNameReferences).",
            domain.id
        ));
    }
    tenant.domains.remove(index);
    SimResponse::no_content()
}

/// The flags of onPremisesDirectorySynchronizationFeature
/// (graph/api/resources/onpremisesdirectorysynchronizationfeature); passwordWritebackEnabled
/// "isn't in use and updating it isn't supported".
const SYNC_FEATURE_FLAGS: &[&str] = &[
    "blockCloudObjectTakeoverThroughHardMatchEnabled",
    "blockSoftMatchEnabled",
    "bypassDirSyncOverridesEnabled",
    "cloudPasswordPolicyForPasswordSyncedUsersEnabled",
    "concurrentCredentialUpdateEnabled",
    "concurrentOrgIdProvisioningEnabled",
    "deviceWritebackEnabled",
    "directoryExtensionsEnabled",
    "fopeConflictResolutionEnabled",
    "groupWriteBackEnabled",
    "passwordSyncEnabled",
    "quarantineUponProxyAddressesConflictEnabled",
    "quarantineUponUpnConflictEnabled",
    "softMatchOnUpnEnabled",
    "synchronizeUpnForManagedUsersEnabled",
    "unifiedGroupWritebackEnabled",
    "userForcePasswordChangeOnLogonEnabled",
    "userWritebackEnabled",
];
/// onPremisesDirectorySynchronizationDeletionPreventionType's members
/// (graph/api/resources/onpremisesaccidentaldeletionprevention).
const PREVENTION_TYPES: &[&str] = &["disabled", "enabledForCount", "enabledForPercentage"];

fn synchronization_json(tenant: &SimTenant, request: &SimRequest) -> Value {
    let mut object = tenant.on_premises_synchronization.clone();
    object["id"] = json!(tenant.id);
    select(object, request.param("$select"), None)
}

/// `GET /directory/onPremisesSynchronization` (graph/api/onpremisesdirectorysynchronization-get):
/// the tenant's one object, as a collection.
pub(super) fn on_premises_synchronizations(
    tenant: &SimTenant,
    request: &SimRequest,
) -> SimResponse {
    collection(
        format!(
            "{}/v1.0/$metadata#directory/onPremisesSynchronization",
            request.base_url
        ),
        vec![synchronization_json(tenant, request)],
    )
}

pub(super) fn on_premises_synchronization(
    tenant: &SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    if !tenant.id.to_string().eq_ignore_ascii_case(id) {
        return not_found(id);
    }
    let mut object = synchronization_json(tenant, request);
    object["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#directory/onPremisesSynchronization/$entity",
        request.base_url
    ));
    SimResponse::json(200, object)
}

/// `PATCH /directory/onPremisesSynchronization/{id}` (graph/api/onpremisesdirectorysynchronization-
/// update): `features` and `configuration`, each in part; 204. The whole body is checked first.
pub(super) fn update_on_premises_synchronization(
    tenant: &mut SimTenant,
    id: &str,
    request: &SimRequest,
) -> SimResponse {
    if !tenant.id.to_string().eq_ignore_ascii_case(id) {
        return not_found(id);
    }
    let Some(Value::Object(patch)) = &request.body else {
        return bad_request("A request body is required.");
    };
    let invalid = |key: &str| {
        bad_request(&format!(
            "Invalid value specified for property '{key}' of resource 'OnPremisesDirectorySynchronization'."
        ))
    };
    let fields = |value: &Value| -> Option<Vec<(String, Value)>> {
        Some(
            value
                .as_object()?
                .iter()
                .filter(|(k, _)| !k.starts_with('@'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    };
    for (key, value) in patch.iter().filter(|(k, _)| !k.starts_with('@')) {
        let fine = match key.as_str() {
            "features" => fields(value).is_some_and(|flags| {
                flags
                    .iter()
                    .all(|(k, v)| SYNC_FEATURE_FLAGS.contains(&k.as_str()) && v.is_boolean())
            }),
            "configuration" => fields(value).is_some_and(|config| {
                config.iter().all(|(k, v)| {
                    k == "accidentalDeletionPrevention"
                        && fields(v).is_some_and(|guard| {
                            guard.iter().all(|(k, v)| match k.as_str() {
                                "synchronizationPreventionType" => {
                                    v.as_str().is_some_and(|t| PREVENTION_TYPES.contains(&t))
                                }
                                "alertThreshold" => v.as_i64().is_some_and(|n| n >= 0),
                                _ => false,
                            })
                        })
                })
            }),
            _ => false,
        };
        if !fine {
            return invalid(key);
        }
    }
    let object = &mut tenant.on_premises_synchronization;
    if let Some(flags) = patch.get("features").and_then(fields) {
        for (flag, value) in flags {
            object["features"][flag] = value;
        }
    }
    if let Some(guard) = patch
        .get("configuration")
        .and_then(|c| c.get("accidentalDeletionPrevention"))
        .and_then(fields)
    {
        for (key, value) in guard {
            object["configuration"]["accidentalDeletionPrevention"][key] = value;
        }
    }
    SimResponse::no_content()
}

/// The internalDomainFederation properties a client may write (graph/api/
/// domain-post-federationconfiguration, internaldomainfederation-update), with their enums.
const FEDERATION_TEXT: &[&str] = &[
    "displayName",
    "issuerUri",
    "metadataExchangeUri",
    "signingCertificate",
    "passiveSignInUri",
    "activeSignInUri",
    "signOutUri",
    "nextSigningCertificate",
];
const FEDERATION_ENUMS: &[(&str, &[&str])] = &[
    ("preferredAuthenticationProtocol", &["wsFed", "saml"]),
    (
        "promptLoginBehavior",
        &[
            "translateToFreshPasswordAuthentication",
            "nativeSupport",
            "disabled",
        ],
    ),
    (
        "federatedIdpMfaBehavior",
        &[
            "acceptIfMfaDoneByFederatedIdp",
            "enforceMfaByFederatedIdp",
            "rejectMfaByFederatedIdp",
        ],
    ),
];

fn checked_federation(body: &Value) -> Result<Map<String, Value>, SimResponse> {
    let Value::Object(body) = body else {
        return Err(bad_request("A request body is required."));
    };
    for (key, value) in body {
        let fine = key.starts_with('@')
            || (FEDERATION_TEXT.contains(&key.as_str()) && (value.is_null() || value.is_string()))
            || (key == "isSignedAuthenticationRequestRequired" && value.is_boolean())
            || FEDERATION_ENUMS.iter().any(|(name, allowed)| {
                name == key
                    && (value.is_null() || value.as_str().is_some_and(|v| allowed.contains(&v)))
            });
        if !fine {
            return Err(bad_request(&format!(
                "Invalid value specified for property '{key}' of resource 'InternalDomainFederation'."
            )));
        }
    }
    Ok(body.clone())
}

/// `/domains/{id}/federationConfiguration…`: a verified domain that is not the initial one is
/// federated by creating its one configuration, and made managed again by deleting it.
pub(super) fn domain_federation(
    tenant: &mut SimTenant,
    name: &str,
    rest: &[&str],
    request: &SimRequest,
) -> SimResponse {
    let Some(index) = tenant.find_domain(name) else {
        return not_found(name);
    };
    let domain = &mut tenant.domains[index];
    let context = format!(
        "{}/v1.0/$metadata#domains('{}')/federationConfiguration",
        request.base_url, domain.id
    );
    let matches = |domain: &crate::state::SimDomain, id: &str| {
        domain
            .federation
            .as_ref()
            .is_some_and(|f| f["id"].as_str() == Some(id))
    };
    match (request.method.as_str(), rest) {
        ("GET", []) => collection(context, domain.federation.iter().cloned().collect()),
        ("POST", []) => {
            if !domain.is_verified || domain.is_initial {
                return bad_request(&format!("Domain {} must be a verified domain other than the initial one to be federated.", domain.id));
            }
            if domain.federation.is_some() {
                return bad_request("A conflicting object with one or more of the specified property values is present in the directory.");
            }
            let mut configuration =
                match checked_federation(request.body.as_ref().unwrap_or(&Value::Null)) {
                    Ok(body) => body,
                    Err(response) => return response,
                };
            configuration.insert(
                "@odata.type".to_string(),
                json!("#microsoft.graph.internalDomainFederation"),
            );
            configuration.insert("id".to_string(), json!(Uuid::new_v4()));
            let configuration = Value::Object(configuration);
            domain.federation = Some(configuration.clone());
            domain.authentication_type = "Federated".to_string();
            SimResponse::json(201, configuration)
        }
        ("GET", [id]) if matches(domain, id) => {
            SimResponse::json(200, domain.federation.clone().unwrap_or_default())
        }
        ("PATCH", [id]) if matches(domain, id) => {
            let changes = match checked_federation(request.body.as_ref().unwrap_or(&Value::Null)) {
                Ok(body) => body,
                Err(response) => return response,
            };
            if let Some(Value::Object(current)) = domain.federation.as_mut() {
                for (key, value) in changes {
                    if !key.starts_with('@') {
                        current.insert(key, value);
                    }
                }
            }
            SimResponse::no_content()
        }
        ("DELETE", [id]) if matches(domain, id) => {
            domain.federation = None;
            domain.authentication_type = "Managed".to_string();
            SimResponse::no_content()
        }
        (_, [id]) => not_found(id),
        _ => bad_request("Resource not found for the segment."),
    }
}
