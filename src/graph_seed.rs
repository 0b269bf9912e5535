//! Seeds the Graph simulator from a local tenant's snapshot (`graph-sim --tenant FILE`), so that a
//! simulated tenant holds what a local tenant holds. This mapping is the bridge's: the simulator
//! only ever sees Graph's shapes.

use std::collections::{BTreeMap, BTreeSet};

use graph_sim::state::{
    graph_time, AppMethod, AssignedLicense, Authentication, PhonePolicy, PhoneType,
    PublishedRecord, SimAdministrativeUnit, SimContact, SimDevice, SimDomain, SimGroup,
    SimGroupSetting, SimRole, SimScopedRoleMembership, SimServicePrincipal, SimSku,
    SimSubscription, SimTenant, SimUser,
};
use serde_json::json;
use uuid::Uuid;

use crate::domain::domains::{self, DnsRecordType};
use crate::domain::model::{
    CompanyInformation, Contact, CredentialType, Device, DeviceTrustLevel, DeviceTrustType,
    DirSyncProvisioningError, DirSyncSettings, DomainStatus, GroupType, MethodType,
    PhoneAppAuthenticationType, RequirementState, StrongAuthenticationPhoneAppDetail, Subscription,
    User, UserLicense, UserType,
};
use crate::domain::{dir_sync_features, licensing, phone, roles};
use crate::graph::convert::{preferred_method_name, DOMAIN_SERVICES};
use crate::tenant::TenantSnapshot;

/// The simulated tenant that holds what a local tenant's snapshot holds.
pub fn simulated_tenant(snapshot: &TenantSnapshot) -> SimTenant {
    let company = &snapshot.company;
    let policy_of = |domain: &str| {
        snapshot
            .password_policies
            .iter()
            .find(|p| p.domain_name.eq_ignore_ascii_case(domain))
            .map(|p| p.policy)
    };
    let skus = snapshot
        .subscriptions
        .iter()
        .map(|s| SimSku {
            sku_id: s.sku_id,
            sku_part_number: s.sku_part_number.clone(),
            enabled: s.active_units,
            warning: s.warning_units,
            suspended: s.suspended_units,
            service_plans: s
                .service_plans
                .iter()
                .map(|p| (p.service_name.clone(), p.service_plan_id))
                .collect(),
            subscriptions: {
                let mut sku = s.clone();
                licensing::complete_terms(&mut sku, Uuid::new_v4(), None);
                sku.terms
            }
            .iter()
            .map(|t| SimSubscription {
                id: t.object_id,
                commerce_subscription_id: t.ocp_subscription_id,
                created: t.date_created.map(|at| at.datetime()),
                is_trial: t.is_trial,
                next_lifecycle: t.next_lifecycle_date.map(|at| at.datetime()),
                status: format!("{:?}", t.status),
                total_licenses: t.total_licenses,
            })
            .collect(),
        })
        .collect::<Vec<_>>();
    let users = snapshot
        .users
        .iter()
        .map(|u| user_from_model(u, &snapshot.subscriptions))
        .collect();
    let groups = snapshot
        .groups
        .iter()
        .map(|g| SimGroup {
            id: g.object_id,
            display_name: g.display_name.clone(),
            description: g.description.clone(),
            mail_nickname: g
                .display_name
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect(),
            mail: g.email_address.clone(),
            mail_enabled: matches!(
                g.group_type,
                GroupType::DistributionList | GroupType::MailEnabledSecurity
            ),
            security_enabled: matches!(
                g.group_type,
                GroupType::Security | GroupType::MailEnabledSecurity
            ),
            proxy_addresses: g.proxy_addresses.clone(),
            on_premises_sync_enabled: g.last_dir_sync_time.map(|_| true),
            on_premises_last_sync_date_time: g.last_dir_sync_time.map(|t| graph_time(t.datetime())),
            on_premises_provisioning_errors: g
                .dir_sync_provisioning_errors
                .iter()
                .map(provisioning_error_from_model)
                .collect(),
            members: snapshot
                .group_memberships
                .iter()
                .filter(|m| m.group_object_id == g.object_id)
                .map(|m| m.member_object_id)
                .collect(),
            owners: g
                .managed_by
                .as_deref()
                .and_then(|o| Uuid::parse_str(o).ok())
                .into_iter()
                .collect(),
            // The local tenant models no Microsoft 365 groups.
            unified: false,
        })
        .collect();
    // Graph lists activated roles only: Global Administrator and those that have members.
    let mut roles: Vec<SimRole> = vec![SimRole {
        id: Uuid::new_v4(),
        role_template_id: Uuid::parse_str(roles::COMPANY_ADMINISTRATOR)
            .expect("a valid template id"),
        members: BTreeSet::new(),
    }];
    for assignment in &snapshot.role_assignments {
        let role = match roles
            .iter_mut()
            .find(|r| r.role_template_id == assignment.role_object_id)
        {
            Some(role) => role,
            None => {
                roles.push(SimRole {
                    id: Uuid::new_v4(),
                    role_template_id: assignment.role_object_id,
                    members: BTreeSet::new(),
                });
                roles.last_mut().expect("just pushed")
            }
        };
        role.members.insert(assignment.member_object_id);
    }
    SimTenant {
        id: company.object_id,
        phone_policy: PhonePolicy::default(),
        display_name: company.display_name.clone(),
        created: graph_time(company.when_created.datetime()),
        organization_extra: json!({
            "street": company.street,
            "city": company.city,
            "state": company.state,
            "postalCode": company.postal_code,
            "countryLetterCode": company.country_letter_code,
            "country": company.country,
            "businessPhones": company.telephone_number.iter().collect::<Vec<_>>(),
            "technicalNotificationMails": company.technical_notification_emails,
            "marketingNotificationEmails": company.marketing_notification_emails,
            "securityComplianceNotificationMails": company.security_compliance_notification_emails,
            "securityComplianceNotificationPhones": company.security_compliance_notification_phones,
            "preferredLanguage": company.preferred_language,
            // organization: true while synchronized, false once turned off, null if never.
            "onPremisesSyncEnabled": company.directory_synchronization_enabled.then_some(true)
                .or(snapshot.dir_sync_turned_off_at.map(|_| false)),
            "onPremisesLastSyncDateTime": company.last_dir_sync_time.map(|t| graph_time(t.datetime())),
            "onPremisesLastPasswordSyncDateTime": company.last_password_sync_time.map(|t| graph_time(t.datetime())),
        }),
        on_premises_sync_turned_off_at: snapshot.dir_sync_turned_off_at.map(|t| t.datetime()),
        domains: snapshot
            .domains
            .iter()
            .map(|d| SimDomain {
                id: d.name.clone(),
                is_default: d.is_default,
                is_initial: d.is_initial,
                is_verified: d.status == DomainStatus::Verified,
                authentication_type: format!("{:?}", d.authentication),
                supported_services: d
                    .capabilities
                    .iter()
                    .filter_map(|c| DOMAIN_SERVICES.iter().find(|(known, _)| known == c))
                    .map(|(_, name)| name.to_string())
                    .collect(),
                password_validity_period_in_days: policy_of(&d.name)
                    .and_then(|p| p.validity_period)
                    .map(|days| days as i32),
                password_notification_window_in_days: policy_of(&d.name)
                    .and_then(|p| p.notification_days)
                    .map(|days| days as i32),
                is_root: d.root_domain.is_none(),
                verification_code: domains::verification_code(company.object_id, &d.name),
                federation: snapshot
                    .domain_federation_settings
                    .iter()
                    .find(|f| f.domain_name.eq_ignore_ascii_case(&d.name))
                    .map(|f| {
                        let mut configuration =
                            crate::graph::convert::federation_body(&f.settings, None);
                        configuration["@odata.type"] = json!("#microsoft.graph.internalDomainFederation");
                        configuration["id"] = json!(Uuid::new_v4());
                        configuration
                    }),
            })
            .collect(),
        authorization_policy: authorization_policy_from_model(company),
        device_registration_policy: device_registration_policy_from_model(
            snapshot
                .device_registration_policy
                .as_ref()
                .unwrap_or(&crate::domain::devices::default_registration_policy()),
        ),
        on_premises_synchronization: on_premises_synchronization_from_model(
            snapshot
                .dir_sync_settings
                .as_ref()
                .unwrap_or(&dir_sync_features::defaults()),
        ),
        published_dns: snapshot
            .published_dns_records
            .iter()
            .map(|r| PublishedRecord {
                domain: r.domain.clone(),
                record_type: match r.record_type {
                    DnsRecordType::Txt => "TXT".to_string(),
                    DnsRecordType::Mx => "MX".to_string(),
                },
                value: r.value.clone(),
            })
            .collect(),
        skus,
        users,
        groups,
        applications: Vec::new(),
        service_principals: snapshot
            .service_principals
            .iter()
            .map(|s| {
                let credentials = || {
                    snapshot
                        .service_principal_credentials
                        .iter()
                        .filter(move |c| c.service_principal_object_id == s.object_id)
                };
                SimServicePrincipal {
                    id: s.object_id,
                    app_id: s.app_principal_id,
                    display_name: s.display_name.clone(),
                    account_enabled: s.account_enabled,
                    service_principal_names: s.service_principal_names.clone(),
                    reply_urls: s.addresses.clone(),
                    key_credentials: credentials()
                        .filter(|c| c.credential_type != CredentialType::Password)
                        .map(|c| {
                            json!({
                                "keyId": c.key_id,
                                "type": if c.credential_type == CredentialType::Asymmetric { "AsymmetricX509Cert" } else { "Symmetric" },
                                "usage": format!("{:?}", c.usage),
                                "key": c.value,
                                "startDateTime": c.start_date,
                                "endDateTime": c.end_date,
                                "displayName": null,
                                "customKeyIdentifier": null,
                            })
                        })
                        .collect(),
                    password_credentials: credentials()
                        .filter(|c| c.credential_type == CredentialType::Password)
                        .map(|c| {
                            json!({
                                "keyId": c.key_id,
                                "startDateTime": c.start_date,
                                "endDateTime": c.end_date,
                                "displayName": null,
                                "hint": null,
                                "secretText": null,
                            })
                        })
                        .collect(),
                }
            })
            .collect(),
        contacts: snapshot.contacts.iter().map(contact_from_model).collect(),
        devices: snapshot
            .devices
            .iter()
            .map(|d| device_from_model(d, snapshot.device_owner_ids(d)))
            .collect(),
        administrative_units: administrative_units_from_model(snapshot, &mut roles),
        group_settings: snapshot
            .directory_settings
            .iter()
            .map(|owned| SimGroupSetting {
                id: owned.setting.id,
                template_id: owned.setting.template_id,
                group: owned.target_object_id,
                values: owned
                    .setting
                    .values
                    .iter()
                    .map(|v| (v.name.clone(), v.value.clone()))
                    .collect(),
            })
            .collect(),
        roles,
    }
}

/// The authorizationPolicy that holds a company's settings (graph/api/resources/
/// authorizationpolicy); a setting the snapshot leaves unknown gets the service default.
fn authorization_policy_from_model(company: &CompanyInformation) -> serde_json::Value {
    let or = |value: Option<bool>, default: bool| value.unwrap_or(default);
    json!({
        "id": "authorizationPolicy",
        "displayName": "Authorization Policy",
        "description": "Used to manage authorization related settings across the company.",
        "allowInvitesFrom": "everyone",
        "allowedToSignUpEmailBasedSubscriptions": or(company.allow_ad_hoc_subscriptions, true),
        "allowedToUseSSPR": or(company.self_serve_password_reset_enabled, false),
        "allowEmailVerifiedUsersToJoinOrganization": or(company.allow_email_verified_users, true),
        "allowUserConsentForRiskyApps": false,
        "blockMsolPowerShell": null,
        "guestUserRoleId": "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        "defaultUserRolePermissions": {
            "allowedToCreateApps": or(company.users_permission_to_create_lob_apps_enabled, true),
            "allowedToCreateSecurityGroups": or(company.users_permission_to_create_groups_enabled, true),
            "allowedToCreateTenants": true,
            "allowedToReadBitlockerKeysForOwnedDevice": true,
            "allowedToReadOtherUsers": or(company.users_permission_to_read_other_users_enabled, true),
            "permissionGrantPoliciesAssigned": if or(company.users_permission_to_user_consent_to_app_enabled, true) {
                vec![crate::graph::convert::USER_CONSENT_POLICY]
            } else {
                Vec::new()
            },
        },
    })
}

/// The onPremisesDirectorySynchronization object of a tenant's synchronization settings: each
/// feature's flag, and every other flag Graph shows off.
fn on_premises_synchronization_from_model(settings: &DirSyncSettings) -> serde_json::Value {
    let mut features = serde_json::Map::new();
    for flag in [
        "bypassDirSyncOverridesEnabled",
        "concurrentCredentialUpdateEnabled",
        "concurrentOrgIdProvisioningEnabled",
        "fopeConflictResolutionEnabled",
        "groupWriteBackEnabled",
        "passwordWritebackEnabled",
        "userForcePasswordChangeOnLogonEnabled",
    ] {
        features.insert(flag.to_string(), json!(false));
    }
    for (feature, flag) in dir_sync_features::FEATURES {
        features.insert(
            flag.to_string(),
            json!(dir_sync_features::enabled(settings, *feature)),
        );
    }
    json!({
        "configuration": {
            "accidentalDeletionPrevention": {
                "synchronizationPreventionType": dir_sync_features::graph_prevention_type(settings.configuration.deletion_prevention_type),
                "alertThreshold": settings.configuration.accidental_deletion_threshold,
            }
        },
        "features": features,
    })
}

/// The deviceRegistrationPolicy of a tenant's device registration settings, with Graph's defaults
/// for what MSOnline does not model (local administrators, LAPS).
fn device_registration_policy_from_model(
    policy: &crate::domain::model::DeviceRegistrationServicePolicy,
) -> serde_json::Value {
    let membership = crate::graph::convert::registration_membership;
    json!({
        "userDeviceQuota": policy.maximum_devices_per_user,
        "multiFactorAuthConfiguration": if policy.require_multi_factor_auth { "required" } else { "notRequired" },
        "azureADRegistration": {
            "isAdminConfigurable": false,
            "allowedToRegister": membership(policy.allowed_to_workplace_join, &[], &[]),
        },
        "azureADJoin": {
            "isAdminConfigurable": true,
            "allowedToJoin": membership(policy.allowed_to_azure_ad_join, &policy.users, &policy.groups),
            "localAdmins": {
                "enableGlobalAdmins": true,
                "registeringUsers": {"@odata.type": "#microsoft.graph.allDeviceRegistrationMembership"},
            },
        },
        "localAdminPassword": { "isEnabled": false },
    })
}

/// The Graph device a local tenant's device corresponds to (graph/api/resources/device): trust
/// types Workplace, AzureAd and ServerAd; Managed means managed (and compliant), Compliant
/// compliant only; each alternative security id is the base64 of its UTF-16 text.
fn device_from_model(device: &Device, owners: Vec<Uuid>) -> SimDevice {
    let (is_managed, is_compliant) = match device.device_trust_level {
        Some(DeviceTrustLevel::Managed) => (Some(true), Some(true)),
        Some(DeviceTrustLevel::Compliant) => (Some(false), Some(true)),
        Some(DeviceTrustLevel::Authenticated) => (Some(false), Some(false)),
        None => (None, None),
    };
    SimDevice {
        id: device.object_id,
        device_id: device.device_id,
        display_name: device.display_name.clone(),
        account_enabled: device.enabled,
        device_version: device.device_object_version,
        operating_system: device.device_os_type.clone(),
        operating_system_version: device.device_os_version.clone(),
        trust_type: device.device_trust_type.map(|t| {
            match t {
                DeviceTrustType::WorkplaceJoined => "Workplace",
                DeviceTrustType::AzureAdJoined => "AzureAd",
                DeviceTrustType::DomainJoined => "ServerAd",
            }
            .to_string()
        }),
        is_managed,
        is_compliant,
        physical_ids: device.device_physical_ids.clone(),
        approximate_last_sign_in_date_time: device
            .approximate_last_logon_timestamp
            .map(|at| graph_time(at.datetime())),
        alternative_security_ids: device
            .alternative_security_ids
            .iter()
            .map(|text| {
                let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
                json!({"type": 2, "identityProvider": null, "key": msol_encoding::base64::encode(&utf16)})
            })
            .collect(),
        on_premises_sync_enabled: device.dir_sync_enabled,
        on_premises_last_sync_date_time: device.last_dir_sync_time.map(|at| graph_time(at.datetime())),
        registered_owners: owners,
    }
}

/// The orgContact a local tenant's contact corresponds to (graph/api/resources/orgcontact).
fn contact_from_model(contact: &Contact) -> SimContact {
    let address = [
        ("city", &contact.city),
        ("countryOrRegion", &contact.country),
        ("officeLocation", &contact.office),
        ("postalCode", &contact.postal_code),
        ("state", &contact.state),
        ("street", &contact.street_address),
    ];
    let phones = [
        ("business", &contact.phone_number),
        ("mobile", &contact.mobile_phone),
        ("businessFax", &contact.fax),
    ];
    SimContact {
        id: contact.object_id,
        display_name: contact.display_name.clone(),
        given_name: contact.first_name.clone(),
        surname: contact.last_name.clone(),
        mail: contact.email_address.clone(),
        mail_nickname: contact
            .email_address
            .as_deref()
            .and_then(|m| m.split('@').next())
            .map(str::to_string),
        company_name: None,
        department: contact.department.clone(),
        job_title: contact.title.clone(),
        addresses: if address.iter().any(|(_, v)| v.is_some()) {
            vec![address
                .iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect::<serde_json::Map<_, _>>()
                .into()]
        } else {
            Vec::new()
        },
        phones: phones
            .iter()
            .filter_map(|(kind, number)| {
                number.as_ref().map(|n| json!({"type": kind, "number": n}))
            })
            .collect(),
        proxy_addresses: contact.proxy_addresses.clone(),
        on_premises_sync_enabled: contact.last_dir_sync_time.map(|_| true),
        on_premises_last_sync_date_time: contact
            .last_dir_sync_time
            .map(|t| graph_time(t.datetime())),
        on_premises_provisioning_errors: contact
            .dir_sync_provisioning_errors
            .iter()
            .map(provisioning_error_from_model)
            .collect(),
        service_provisioning_errors: contact
            .errors
            .iter()
            .map(|e| {
                json!({
                    "createdDateTime": graph_time(e.timestamp.datetime()),
                    "errorDetail": e.error_detail,
                    "isResolved": e.resolved,
                    "serviceInstance": e.service_instance,
                })
            })
            .collect(),
    }
}

/// An onPremisesProvisioningError (graph/api/resources/onpremisesprovisioningerror): Graph names
/// the property `ProxyAddress` where MSOnline says `ProxyAddresses`.
fn provisioning_error_from_model(error: &DirSyncProvisioningError) -> serde_json::Value {
    json!({
        "category": error.error_category,
        "occurredDateTime": graph_time(error.when_started.datetime()),
        "propertyCausingError": if error.property_name.eq_ignore_ascii_case("ProxyAddresses") { "ProxyAddress" } else { error.property_name.as_str() },
        "value": error.property_value,
    })
}

/// The Graph user a local tenant's user corresponds to; authentication data mapped per
/// reference/graph.md 2.4 (a mobile phone backs OneWaySMS and TwoWayVoiceMobile).
fn user_from_model(user: &User, subscriptions: &[Subscription]) -> SimUser {
    let details = user
        .strong_authentication_user_details
        .clone()
        .unwrap_or_default();
    let mut phones = BTreeMap::new();
    let has = |t: MethodType| {
        user.strong_authentication_methods
            .iter()
            .any(|m| m.method_type == t)
    };
    if has(MethodType::OneWaySms) || has(MethodType::TwoWayVoiceMobile) {
        if let Some(number) = details
            .phone_number
            .clone()
            .or_else(|| user.mobile_phone.clone())
        {
            phones.insert(PhoneType::Mobile, number);
        }
    }
    if has(MethodType::TwoWayVoiceAlternateMobile) {
        if let Some(number) = details
            .alternative_phone_number
            .clone()
            .or_else(|| user.alternate_mobile_phones.first().cloned())
        {
            phones.insert(PhoneType::AlternateMobile, number);
        }
    }
    if has(MethodType::TwoWayVoiceOffice) {
        if let Some(number) = user
            .phone_number
            .as_deref()
            .and_then(|n| phone::normalize(n).ok())
        {
            phones.insert(PhoneType::Office, number);
        }
    }
    let created = user.when_created.datetime();
    let app = |a: &StrongAuthenticationPhoneAppDetail| AppMethod {
        id: a.id.unwrap_or_else(Uuid::new_v4).to_string(),
        display_name: a.device_name.clone(),
        device_tag: a.device_tag.clone(),
        phone_app_version: a.phone_app_version.clone(),
        created,
    };
    let authenticators = user
        .strong_authentication_phone_app_details
        .iter()
        .filter(|a| a.authentication_type != PhoneAppAuthenticationType::Otp)
        .map(app)
        .collect();
    let software_oath = user
        .strong_authentication_phone_app_details
        .iter()
        .filter(|a| a.authentication_type == PhoneAppAuthenticationType::Otp)
        .map(app)
        .collect();
    let preferred_method = user
        .strong_authentication_methods
        .iter()
        .find(|m| m.is_default)
        .map(|m| preferred_method_name(m.method_type).to_string());
    let mut policies = Vec::new();
    if user.password_never_expires {
        policies.push("DisablePasswordExpiration");
    }
    if !user.strong_password_required {
        policies.push("DisableStrongPassword");
    }
    let sku_of = |license: &UserLicense| {
        subscriptions
            .iter()
            .find(|s| s.sku_part_number == license.account_sku.sku_part_number)
    };
    SimUser {
        id: user.object_id,
        user_principal_name: user.user_principal_name.clone(),
        display_name: user.display_name.clone(),
        given_name: user.first_name.clone(),
        surname: user.last_name.clone(),
        job_title: user.title.clone(),
        department: user.department.clone(),
        office_location: user.office.clone(),
        street_address: user.street_address.clone(),
        city: user.city.clone(),
        state: user.state.clone(),
        postal_code: user.postal_code.clone(),
        country: user.country.clone(),
        business_phones: user.phone_number.iter().cloned().collect(),
        mobile_phone: user.mobile_phone.clone(),
        fax_number: user.fax.clone(),
        preferred_language: user.preferred_language.clone(),
        preferred_data_location: user.preferred_data_location.clone(),
        usage_location: user.usage_location.clone(),
        account_enabled: !user.block_credential,
        password_policies: (!policies.is_empty()).then(|| policies.join(", ")),
        other_mails: user.alternate_email_addresses.clone(),
        proxy_addresses: user.proxy_addresses.clone(),
        mail: None,
        mail_nickname: user
            .user_principal_name
            .split('@')
            .next()
            .map(str::to_string),
        user_type: match user.user_type {
            UserType::Guest => "Guest".to_string(),
            _ => "Member".to_string(),
        },
        created_date_time: graph_time(created),
        last_password_change_date_time: user
            .last_password_change_timestamp
            .map(|t| graph_time(t.datetime())),
        sign_in_sessions_valid_from_date_time: user
            .sts_refresh_tokens_valid_from
            .map(|t| graph_time(t.datetime())),
        on_premises_sync_enabled: user.last_dir_sync_time.map(|_| true),
        on_premises_last_sync_date_time: user.last_dir_sync_time.map(|t| graph_time(t.datetime())),
        on_premises_immutable_id: user.immutable_id.clone(),
        on_premises_provisioning_errors: user
            .dir_sync_provisioning_errors
            .iter()
            .map(provisioning_error_from_model)
            .collect(),
        assigned_licenses: user
            .licenses
            .iter()
            .filter_map(|l| {
                let sku = sku_of(l)?;
                Some(AssignedLicense {
                    sku_id: sku.sku_id,
                    disabled_plans: licensing::disabled_plan_ids(l, sku),
                })
            })
            .collect(),
        upn_before_deletion: None,
        deleted_date_time: user
            .soft_deletion_timestamp
            .map(|t| graph_time(t.datetime())),
        auth: Authentication {
            per_user_mfa_state: match user.mfa_state() {
                None => "disabled",
                Some(RequirementState::Enabled) => "enabled",
                Some(RequirementState::Enforced) => "enforced",
            }
            .to_string(),
            phones,
            authenticators,
            software_oath,
            // A local tenant holds no hardware tokens.
            hardware_oath: Vec::new(),
            email: details.email.clone(),
            preferred_method,
            system_preferred: false,
        },
        password: None,
    }
}

/// The snapshot's administrative units with their members and scoped role assignments; a role
/// held over a unit is activated as Graph requires (its scoped memberships name the activated
/// role's id).
fn administrative_units_from_model(
    snapshot: &TenantSnapshot,
    roles: &mut Vec<SimRole>,
) -> Vec<SimAdministrativeUnit> {
    snapshot
        .administrative_units
        .iter()
        .map(|unit| SimAdministrativeUnit {
            id: unit.object_id,
            display_name: unit.display_name.clone(),
            description: unit.description.clone(),
            visibility: None,
            members: snapshot
                .administrative_unit_memberships
                .iter()
                .filter(|m| m.administrative_unit_object_id == unit.object_id)
                .map(|m| m.member_object_id)
                .collect(),
            scoped_role_members: snapshot
                .scoped_role_assignments
                .iter()
                .filter(|a| a.administrative_unit_object_id == unit.object_id)
                .map(|a| SimScopedRoleMembership {
                    id: format!(
                        "{}{}",
                        a.role_object_id.simple(),
                        a.member_object_id.simple()
                    ),
                    role_id: activated_role(roles, a.role_object_id),
                    member: a.member_object_id,
                })
                .collect(),
        })
        .collect()
}

/// The id of the activated role of a template, activating it when it is not yet.
fn activated_role(roles: &mut Vec<SimRole>, template: Uuid) -> Uuid {
    if let Some(role) = roles.iter().find(|r| r.role_template_id == template) {
        return role.id;
    }
    let id = Uuid::new_v4();
    roles.push(SimRole {
        id,
        role_template_id: template,
        members: BTreeSet::new(),
    });
    id
}
